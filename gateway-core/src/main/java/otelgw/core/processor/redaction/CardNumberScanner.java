package otelgw.core.processor.redaction;

import java.util.Arrays;
import otelgw.core.regex.MatchSink;

/**
 * Payment card numbers: 13 to 19 digits that pass the Luhn check, written in one run or in groups
 * of at least three digits joined by single spaces or dashes ({@code 4111 1111 1111 1111}, {@code
 * 3782-822463-10005}). The first digit must be 2 to 6, the issuer ranges of payment cards; this
 * keeps Unix timestamps in milliseconds or nanoseconds, which start with 1, from being taken for
 * card numbers one time in ten. Where a run of groups is longer than a card, every stretch of whole
 * groups is tried, longest first.
 */
final class CardNumberScanner implements Scanner {

  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;
  static final int MIN_GROUP = 3;

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int[] bounds = null; // start and end of each group of the current run
    int i = 0;
    while (i < length) {
      if (!Chars.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int groups = 0;
      int j = i;
      while (true) {
        int groupStart = j;
        while (j < length && Chars.isDigit(text.charAt(j))) {
          j++;
        }
        if (bounds == null) {
          bounds = new int[16];
        } else if (2 * groups + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * groups] = groupStart;
        bounds[2 * groups + 1] = j;
        groups++;
        if (j + 1 < length
            && (text.charAt(j) == ' ' || text.charAt(j) == '-')
            && Chars.isDigit(text.charAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      matchGroups(text, bounds, groups, sink);
      i = j;
    }
  }

  /** Reports each longest Luhn-valid stretch of whole groups, left to right. */
  private static void matchGroups(String text, int[] bounds, int groups, MatchSink sink) {
    int first = 0;
    while (first < groups) {
      char lead = text.charAt(bounds[2 * first]);
      int best = -1;
      if (lead >= '2' && lead <= '6') {
        int digits = 0;
        int firstLength = bounds[2 * first + 1] - bounds[2 * first];
        for (int last = first; last < groups; last++) {
          int groupLength = bounds[2 * last + 1] - bounds[2 * last];
          if (last > first && (groupLength < MIN_GROUP || firstLength < MIN_GROUP)) {
            break;
          }
          digits += groupLength;
          if (digits > MAX_DIGITS) {
            break;
          }
          if (digits >= MIN_DIGITS && luhn(text, bounds, first, last)) {
            best = last;
          }
        }
      }
      if (best >= 0) {
        sink.match(bounds[2 * first], bounds[2 * best + 1]);
        first = best + 1;
      } else {
        first++;
      }
    }
  }

  static boolean luhn(String text, int[] bounds, int first, int last) {
    int sum = 0;
    boolean doubled = false;
    for (int group = last; group >= first; group--) {
      for (int k = bounds[2 * group + 1] - 1; k >= bounds[2 * group]; k--) {
        int digit = text.charAt(k) - '0';
        if (doubled) {
          digit *= 2;
          if (digit > 9) {
            digit -= 9;
          }
        }
        sum += digit;
        doubled = !doubled;
      }
    }
    return sum % 10 == 0;
  }
}
