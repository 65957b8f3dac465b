package otelgw.core.regex;

/**
 * A guarded match gave up: the pattern read more of its input than its budget allows, or recursed
 * too deep for the stack. The caller treats the text as unsafe to pass on as it is. Preallocated
 * and stackless: it is a verdict on the input, not a bug.
 */
public final class MatchTooCostlyException extends Exception {

  private static final long serialVersionUID = 1L;

  static final MatchTooCostlyException INSTANCE = new MatchTooCostlyException();

  private MatchTooCostlyException() {
    super("regular expression exceeded its matching budget", null, false, false);
  }
}
