package otelgw.core.processor.redaction;

import io.micrometer.core.instrument.Counter;
import java.util.HashSet;
import java.util.Set;
import otelgw.core.regex.MatchBudget;
import otelgw.core.regex.MatchTooCostlyException;

/**
 * The rules on attribute keys and map keys: left alone, removed (not allowed), or value masked
 * whole (blocked). A key pattern that gives up as too costly fails closed: the key is not ignored,
 * and it is blocked. Not thread-safe.
 */
final class KeyRules {

  private final boolean allowAll;
  private final Set<String> allowed;
  private final Set<String> ignored;
  private final GuardedRule[] ignoredPatterns;
  private final GuardedRule[] blockedPatterns;
  private final Counter notAllowed;
  private final MatchBudget budget;
  private final RedactionMeters meters;

  KeyRules(RedactionConfig config, MatchBudget budget, RedactionMeters meters) {
    this.allowAll = config.allowAllKeys();
    Set<String> allowedKeys = new HashSet<>(config.allowedKeys());
    // The summary's own attributes survive a second redaction processor, as in the Collector.
    allowedKeys.addAll(SummaryKeys.ALL);
    this.allowed = Set.copyOf(allowedKeys);
    this.ignored = Set.copyOf(config.ignoredKeys());
    int limit = config.regexInputLimit();
    this.ignoredPatterns =
        GuardedRule.of(config.ignoredKeyPatterns(), "ignored_key_patterns", limit, false, meters);
    this.blockedPatterns =
        GuardedRule.of(config.blockedKeyPatterns(), "blocked_key_patterns", limit, true, meters);
    this.notAllowed = allowAll ? null : meters.redactions(RedactionMeters.NOT_ALLOWED_KEY);
    this.budget = budget;
    this.meters = meters;
  }

  boolean ignored(String key) {
    if (ignored.contains(key)) {
      return true;
    }
    for (GuardedRule rule : ignoredPatterns) {
      try {
        if (rule.pattern().find(key, budget)) {
          return true;
        }
      } catch (MatchTooCostlyException e) {
        meters.aborted(rule.aborts(), rule.name(), key.length());
      }
    }
    return false;
  }

  /** Whether the attribute goes, counting it if so. */
  boolean removed(String key) {
    if (allowAll || allowed.contains(key)) {
      return false;
    }
    notAllowed.increment();
    return true;
  }

  /** Whether the key's whole value is masked, counting it if so. */
  boolean blocked(String key) {
    for (GuardedRule rule : blockedPatterns) {
      try {
        if (rule.pattern().find(key, budget)) {
          rule.hits().increment();
          return true;
        }
      } catch (MatchTooCostlyException e) {
        meters.aborted(rule.aborts(), rule.name(), key.length());
        rule.hits().increment();
        return true;
      }
    }
    return false;
  }
}
