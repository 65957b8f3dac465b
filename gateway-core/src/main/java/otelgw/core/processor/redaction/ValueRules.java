package otelgw.core.processor.redaction;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import otelgw.core.regex.GuardedPattern;
import otelgw.core.regex.MatchBudget;
import otelgw.core.regex.MatchSink;
import otelgw.core.regex.MatchTooCostlyException;

/**
 * The rules on values: detectors and {@code blocked_values} find what to mask in a string, {@code
 * allowed_values} exempt a string. Regexes are guarded (see {@link
 * otelgw.core.regex.GuardedPattern}); one that gives up counts as a match of the whole value, so a
 * value nobody could check is masked, never passed on. Not thread-safe.
 */
final class ValueRules {

  private final Scanner[] scanners;
  private final Counter[] scannerHits;
  private final GuardedRule[] blocked;
  private final GuardedRule[] allowed;

  /** The patterns of both. */
  private final GuardedPattern[] regexes;

  private final int inputLimit;
  private final boolean cardNumbers;
  private final Counter cardHits;
  private final Masker masker;
  private final MatchBudget budget;
  private final RedactionMeters meters;
  private final MatchRanges ranges = new MatchRanges();
  private final Found found = new Found();

  ValueRules(RedactionConfig config, Masker masker, MatchBudget budget, RedactionMeters meters) {
    List<Scanner> scannerList = new ArrayList<>();
    List<Counter> hitList = new ArrayList<>();
    for (Detector detector : Detector.values()) {
      if (config.detectors().contains(detector)) {
        scannerList.add(detector.scanner());
        hitList.add(meters.redactions(detector.configName()));
      }
    }
    this.scanners = scannerList.toArray(new Scanner[0]);
    this.scannerHits = hitList.toArray(new Counter[0]);
    this.inputLimit = config.regexInputLimit();
    this.blocked =
        GuardedRule.of(config.blockedValues(), "blocked_values", inputLimit, true, meters);
    this.allowed =
        GuardedRule.of(config.allowedValues(), "allowed_values", inputLimit, false, meters);
    this.regexes =
        Stream.concat(Arrays.stream(blocked), Arrays.stream(allowed))
            .map(GuardedRule::pattern)
            .toArray(GuardedPattern[]::new);
    this.cardNumbers = config.detectors().contains(Detector.CREDIT_CARD);
    this.cardHits = cardNumbers ? meters.redactions(Detector.CREDIT_CARD.configName()) : null;
    this.masker = masker;
    this.budget = budget;
    this.meters = meters;
  }

  /**
   * Whether an {@code allowed_values} pattern matches {@code value}, exempting it from masking.
   * Never for a value longer than the regex input limit: an exemption must see the whole value.
   */
  boolean allowed(String value) {
    if (allowed.length == 0 || value.length() > inputLimit) {
      return false;
    }
    for (GuardedRule rule : allowed) {
      try {
        if (rule.pattern().find(value, budget)) {
          return true;
        }
      } catch (MatchTooCostlyException e) {
        meters.aborted(rule.aborts(), rule.name(), value.length());
      }
    }
    return false;
  }

  /**
   * {@link #allowed} for a screen: counts nothing, and throws where a pattern gives up, which
   * {@code allowed} would count.
   */
  boolean allowedQuietly(String value) throws MatchTooCostlyException {
    if (allowed.length == 0 || value.length() > inputLimit) {
      return false;
    }
    for (GuardedRule rule : allowed) {
      if (rule.pattern().find(value, budget)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #mask} would change {@code value}: a detector or {@code blocked_values} pattern
   * matches, or a pattern gives up. Counts nothing.
   */
  boolean masks(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (Scanner scanner : scanners) {
      found.clear();
      scanner.scan(value, found);
      if (found.any) {
        return true;
      }
    }
    for (GuardedRule rule : blocked) {
      try {
        if (rule.pattern().find(value, budget)) {
          return true;
        }
      } catch (MatchTooCostlyException e) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #matchNothingWithin} can tell anything: there is no detector (their scanners
   * read decoded text only), and every regex has a run of ASCII classes to look for.
   */
  boolean looksWithin() {
    if (scanners.length > 0) {
      return false;
    }
    for (GuardedPattern pattern : regexes) {
      if (!pattern.looksWithin()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether no string encoded within {@code bytes} (read one byte to a char) can be masked or
   * allowed: no regex can match in it. False where {@link #looksWithin} is. Counts nothing.
   */
  boolean matchNothingWithin(String bytes) {
    if (scanners.length > 0) {
      return false;
    }
    for (GuardedPattern pattern : regexes) {
      if (!pattern.cannotMatchWithin(bytes, budget)) {
        return false;
      }
    }
    return true;
  }

  /** {@code value} with every match masked, or {@code value} itself where nothing matched. */
  String mask(String value) {
    if (value.isEmpty()) {
      return value;
    }
    ranges.clear();
    for (int i = 0; i < scanners.length; i++) {
      ranges.rule(i);
      scanners[i].scan(value, ranges);
    }
    for (int i = 0; i < blocked.length; i++) {
      ranges.rule(scanners.length + i);
      try {
        blocked[i].pattern().findAll(value, budget, ranges);
      } catch (MatchTooCostlyException e) {
        meters.aborted(blocked[i].aborts(), blocked[i].name(), value.length());
        blocked[i].hits().increment();
        return masker.mask(value);
      }
    }
    if (ranges.isEmpty()) {
      return value;
    }
    for (int i = 0; i < ranges.size(); i++) {
      int rule = ranges.ruleAt(i);
      (rule < scanners.length ? scannerHits[rule] : blocked[rule - scanners.length].hits())
          .increment();
    }
    return ranges.apply(value, masker);
  }

  /** Whether a whole number reads as a payment card number, with the card detector on. */
  boolean isCardNumber(long value) {
    boolean card = readsAsCardNumber(value);
    if (card) {
      cardHits.increment();
    }
    return card;
  }

  /** {@link #isCardNumber} without counting. */
  boolean readsAsCardNumber(long value) {
    if (!cardNumbers || value < 1_000_000_000_000L) {
      return false;
    }
    found.clear();
    Detector.CREDIT_CARD.scanner().scan(Long.toString(value), found);
    return found.any;
  }

  /** Notes whether a scanner found anything. */
  private static final class Found implements MatchSink {
    boolean any;

    void clear() {
      any = false;
    }

    @Override
    public void match(int start, int end) {
      any = true;
    }
  }
}
