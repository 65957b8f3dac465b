package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * Finds one kind of sensitive value in a string, in time linear in its length whatever the input:
 * hand-written, so no regex can backtrack. Stateless and thread-safe.
 */
interface Scanner {

  /** Reports each value found as a {@code [start, end)} range of {@code text}. */
  void scan(String text, MatchSink sink);
}
