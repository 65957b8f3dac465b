package otelgw.core.regex;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A user-configured {@link Pattern} that cannot hang the thread running it, however hostile the
 * input. Two guards:
 *
 * <ul>
 *   <li><b>Bounded input.</b> The matcher searches at most {@code inputLimit} chars at once. A
 *       longer text is searched in windows (matcher regions) of {@code inputLimit} chars that
 *       overlap by half, so every match of up to {@code inputLimit / 2} chars is found whole.
 *       Anchors keep their meaning: {@code ^} and {@code $} match only at the ends of the whole
 *       text, and {@code \b} and lookarounds see past a window's edges.
 *   <li><b>Bounded work.</b> The window is read through a counting view; once the matcher has read
 *       it more often than the {@link MatchBudget} allows, it is stopped and the call throws {@link
 *       MatchTooCostlyException}. A {@link StackOverflowError} from the matcher's recursion
 *       (alternations inside loops over thousands of chars) counts as too costly too.
 * </ul>
 *
 * <p>A text that cannot hold a match, because it is too short or lacks a run of chars every match
 * holds (an SSN pattern's {@code [0-9]{3}-[0-9]{2}-[0-9]{4}}), is passed over without running the
 * matcher; see {@link Prefilter}.
 *
 * <p>Empty matches are not reported. Thread-safe (each thread reuses a matcher of its own); the
 * budget is not.
 */
public final class GuardedPattern {

  /** How many chars the matcher sees at once unless configured otherwise: {@value}. */
  public static final int DEFAULT_INPUT_LIMIT = 4096;

  /** The smallest input limit accepted, so that windows overlap. */
  public static final int MIN_INPUT_LIMIT = 16;

  private final Pattern pattern;
  private final int inputLimit;
  private final Prefilter prefilter;
  private final ThreadLocal<Scan> scans;

  private GuardedPattern(Pattern pattern, int inputLimit) {
    this.pattern = pattern;
    this.inputLimit = inputLimit;
    this.prefilter = Prefilter.of(pattern.pattern());
    this.scans = ThreadLocal.withInitial(() -> new Scan(pattern));
  }

  /**
   * Compiles {@code regex} with Java's syntax.
   *
   * @throws PatternSyntaxException if it is not a valid regular expression
   * @throws IllegalArgumentException if {@code inputLimit} is below {@link #MIN_INPUT_LIMIT}
   */
  public static GuardedPattern compile(String regex, int inputLimit) {
    if (inputLimit < MIN_INPUT_LIMIT) {
      throw new IllegalArgumentException("input limit must be at least " + MIN_INPUT_LIMIT);
    }
    return new GuardedPattern(Pattern.compile(regex), inputLimit);
  }

  public String regex() {
    return pattern.pattern();
  }

  /** The number of capturing groups. */
  public int groupCount() {
    return pattern.matcher("").groupCount();
  }

  /** Whether the pattern matches somewhere in {@code text}. */
  public boolean find(String text, MatchBudget budget) throws MatchTooCostlyException {
    if (cannotMatch(text, budget)) {
      return false;
    }
    int length = text.length();
    if (length <= inputLimit) {
      return scan(text, 0, length, budget, null);
    }
    int stride = inputLimit / 2;
    for (int start = 0; ; start += stride) {
      int end = Math.min(length, start + inputLimit);
      if (scan(text, start, end, budget, null)) {
        return true;
      }
      if (end == length) {
        return false;
      }
    }
  }

  /**
   * Reports every non-empty match in {@code text} to {@code sink}. In a text longer than the input
   * limit a match may be reported more than once, or in overlapping pieces; sinks merge ranges.
   */
  public void findAll(String text, MatchBudget budget, MatchSink sink)
      throws MatchTooCostlyException {
    if (cannotMatch(text, budget)) {
      return;
    }
    int length = text.length();
    if (length <= inputLimit) {
      scan(text, 0, length, budget, sink);
      return;
    }
    int stride = inputLimit / 2;
    for (int start = 0; ; start += stride) {
      int end = Math.min(length, start + inputLimit);
      scan(text, start, end, budget, sink);
      if (end == length) {
        return;
      }
    }
  }

  /**
   * The first match in the first {@code inputLimit} chars of {@code text}, with its groups, or null
   * where there is none.
   */
  public MatchResult firstMatch(String text, MatchBudget budget) throws MatchTooCostlyException {
    if (cannotMatch(text, budget)) {
      return null;
    }
    Scan scan = Scan.take(this);
    Matcher matcher = scan.window(text, 0, Math.min(text.length(), inputLimit), budget);
    try {
      return matcher.find() ? matcher.toMatchResult() : null;
    } catch (BudgetExceeded | StackOverflowError e) {
      throw MatchTooCostlyException.INSTANCE;
    } finally {
      scan.done(budget);
    }
  }

  /**
   * Whether {@link #cannotMatchWithin} can tell anything for this pattern: its prefilter has a run
   * of ASCII classes.
   */
  public boolean looksWithin() {
    return prefilter.looksWithin();
  }

  /**
   * Whether no text encoded in UTF-8 within {@code bytes} can hold a match, so that a whole message
   * needs no search: {@code bytes} is its encoding read one byte to a char (ISO-8859-1). Like
   * {@link #find}, once the budget is spent nothing is ruled out.
   */
  public boolean cannotMatchWithin(String bytes, MatchBudget budget) {
    return !budget.exhausted() && prefilter.rulesOutWithin(bytes);
  }

  /**
   * Whether {@code text} cannot hold a match (see {@link Prefilter}), so that the matcher need not
   * run. A spent budget still fails every match, as it promises.
   */
  private boolean cannotMatch(String text, MatchBudget budget) {
    return !budget.exhausted() && prefilter.rulesOut(text);
  }

  /** Scans one window; with a sink reports every match, without one stops at the first. */
  private boolean scan(String text, int start, int end, MatchBudget budget, MatchSink sink)
      throws MatchTooCostlyException {
    Scan scan = Scan.take(this);
    Matcher matcher = scan.window(text, start, end, budget);
    boolean found = false;
    try {
      while (matcher.find()) {
        if (matcher.end() == matcher.start()) {
          continue;
        }
        found = true;
        if (sink == null) {
          return true;
        }
        sink.match(matcher.start(), matcher.end());
      }
      return found;
    } catch (BudgetExceeded | StackOverflowError e) {
      throw MatchTooCostlyException.INSTANCE;
    } finally {
      scan.done(budget);
    }
  }

  /**
   * A matcher of this pattern over a budgeted text, kept per thread and reused from scan to scan:
   * on a busy pipeline a pattern is applied to every string of every request, and a fresh matcher
   * each time is most of the garbage redaction makes. A scan that starts while another of the same
   * pattern is under way on the thread (from a sink) gets one of its own.
   */
  private static final class Scan {
    private final BudgetedText text = new BudgetedText("", 0);
    private final Matcher matcher;
    private boolean busy;

    private Scan(Pattern pattern) {
      matcher = pattern.matcher(text).useAnchoringBounds(false).useTransparentBounds(true);
    }

    static Scan take(GuardedPattern owner) {
      Scan scan = owner.scans.get();
      if (scan.busy) {
        scan = new Scan(owner.pattern);
      }
      scan.busy = true;
      return scan;
    }

    /** The matcher, reset to search {@code text[start, end)} within the budget's allowance. */
    Matcher window(String value, int start, int end, MatchBudget budget) {
      text.reset(value, budget.allowance());
      return matcher.reset(text).region(start, end);
    }

    /** Charges the reads to the budget and lets go of the text. */
    void done(MatchBudget budget) {
      budget.spend(text.reads());
      text.reset("", 0);
      busy = false;
    }
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
