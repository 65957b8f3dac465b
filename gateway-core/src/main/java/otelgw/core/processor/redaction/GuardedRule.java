package otelgw.core.processor.redaction;

import io.micrometer.core.instrument.Counter;
import java.util.List;
import otelgw.core.regex.GuardedPattern;

/**
 * A configured regex with its rule name ({@code blocked_values[2]}) and counters: {@code hits} for
 * rules that redact, null for those that exempt.
 */
record GuardedRule(GuardedPattern pattern, String name, Counter hits, Counter aborts) {

  static GuardedRule[] of(
      List<String> regexes, String key, int inputLimit, boolean redacts, RedactionMeters meters) {
    GuardedRule[] rules = new GuardedRule[regexes.size()];
    for (int i = 0; i < rules.length; i++) {
      String name = key + "[" + i + "]";
      rules[i] =
          new GuardedRule(
              GuardedPattern.compile(regexes.get(i), inputLimit),
              name,
              redacts ? meters.redactions(name) : null,
              meters.aborts(name));
    }
    return rules;
  }
}
