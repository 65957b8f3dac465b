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
  private final boolean looksAtKeys;

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
    this.looksAtKeys =
        !allowAll || !ignored.isEmpty() || ignoredPatterns.length > 0 || blockedPatterns.length > 0;
  }

  /** Whether any rule looks at keys; if none does, every key is kept and its value redacted. */
  boolean looksAtKeys() {
    return looksAtKeys;
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

  /**
   * {@link #ignored} for a screen: counts nothing, and throws where a pattern gives up, which
   * {@code ignored} would count.
   */
  boolean ignoredQuietly(String key) throws MatchTooCostlyException {
    if (ignored.contains(key)) {
      return true;
    }
    for (GuardedRule rule : ignoredPatterns) {
      if (rule.pattern().find(key, budget)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the attribute goes, counting it if so. */
  boolean removed(String key) {
    if (!removes(key)) {
      return false;
    }
    notAllowed.increment();
    return true;
  }

  /** Whether {@link #removed} would remove the attribute; counts nothing. */
  boolean removes(String key) {
    return !allowAll && !allowed.contains(key);
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

  /** Whether {@link #blocked} would block the key; counts nothing. */
  boolean blocks(String key) {
    for (GuardedRule rule : blockedPatterns) {
      try {
        if (rule.pattern().find(key, budget)) {
          return true;
        }
      } catch (MatchTooCostlyException e) {
        return true;
      }
    }
    return false;
  }
}
