package otelgw.core.processor.redaction;

import java.util.Arrays;
import otelgw.core.regex.MatchSink;

/**
 * The ranges of one value that rules found, each with the rule that found it, merged where they
 * overlap when the value is masked. Reused from value to value; not thread-safe.
 */
final class MatchRanges implements MatchSink {

  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int[] rules = new int[8];
  private int size;
  private int rule;

  void clear() {
    size = 0;
  }

  /** The rule that the next ranges reported belong to. */
  void rule(int rule) {
    this.rule = rule;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  int ruleAt(int index) {
    return rules[index];
  }

  @Override
  public void match(int start, int end) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      rules = Arrays.copyOf(rules, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    rules[size] = rule;
    size++;
  }

  /** {@code text} with each union of overlapping ranges replaced by its mask. */
  String apply(String text, Masker masker) {
    long[] sorted = new long[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = ((long) starts[i] << 32) | ends[i];
    }
    Arrays.sort(sorted);
    StringBuilder out = new StringBuilder(text.length());
    int written = 0;
    int i = 0;
    while (i < size) {
      int start = (int) (sorted[i] >>> 32);
      int end = (int) sorted[i];
      i++;
      while (i < size && (int) (sorted[i] >>> 32) < end) {
        end = Math.max(end, (int) sorted[i]);
        i++;
      }
      out.append(text, written, start).append(masker.mask(text.substring(start, end)));
      written = end;
    }
    return out.append(text, written, text.length()).toString();
  }
}
