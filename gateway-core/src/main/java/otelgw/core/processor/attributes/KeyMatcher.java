package otelgw.core.processor.attributes;

import io.micrometer.core.instrument.Counter;
import otelgw.core.regex.GuardedPattern;
import otelgw.core.regex.MatchBudget;
import otelgw.core.regex.MatchTooCostlyException;

/**
 * Which keys a {@code delete} or {@code hash} action takes: {@code key}, and keys its {@code
 * pattern} matches. A match given up as too costly takes the key, so that data meant to be deleted
 * or hashed is not passed on as it was.
 */
final class KeyMatcher {

  private final String key;
  private final GuardedPattern pattern;
  private final MatchBudget budget;
  private final Counter aborts;

  KeyMatcher(ActionConfig config, MatchBudget budget, Counter aborts) {
    this.key = config.key();
    this.pattern =
        config.pattern().isEmpty()
            ? null
            : GuardedPattern.compile(config.pattern(), GuardedPattern.DEFAULT_INPUT_LIMIT);
    this.budget = budget;
    this.aborts = aborts;
  }

  boolean matches(String candidate) {
    if (candidate.equals(key)) {
      return true;
    }
    if (pattern == null) {
      return false;
    }
    try {
      return pattern.find(candidate, budget);
    } catch (MatchTooCostlyException e) {
      aborts.increment();
      return true;
    }
  }
}
