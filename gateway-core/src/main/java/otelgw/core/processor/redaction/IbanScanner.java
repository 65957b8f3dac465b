package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * International bank account numbers: a country code of two capital letters, two check digits, then
 * capitals and digits, 15 to 34 in all, in one run or in groups joined by single spaces ({@code
 * DE89 3704 0044 0532 0130 00}); the ISO 7064 mod-97 check must give 1. Where the groups run on
 * into following words, each group boundary is tried, longest first.
 */
final class IbanScanner implements Scanner {

  static final int MIN_LENGTH = 15;
  static final int MAX_LENGTH = 34;

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int i = 0;
    while (i + 4 <= length) {
      if (!startsIban(text, i)) {
        i++;
        continue;
      }
      // Group ends (exclusive) and the count of chars up to each, longest candidate last.
      int[] ends = new int[MAX_LENGTH + 1];
      int[] counts = new int[MAX_LENGTH + 1];
      int groups = 0;
      int j = i;
      int count = 0;
      while (true) {
        while (j < length && isIbanChar(text.charAt(j)) && count < MAX_LENGTH) {
          j++;
          count++;
        }
        if (Chars.wordEndsAt(text, j)) {
          ends[groups] = j;
          counts[groups] = count;
          groups++;
        }
        if (count < MAX_LENGTH
            && j + 1 < length
            && text.charAt(j) == ' '
            && isIbanChar(text.charAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      int matched = -1;
      for (int g = groups - 1; g >= 0 && matched < 0; g--) {
        if (counts[g] >= MIN_LENGTH && mod97(text, i, ends[g]) == 1) {
          matched = ends[g];
        }
      }
      if (matched > 0) {
        sink.match(i, matched);
        i = matched;
      } else {
        i++;
      }
    }
  }

  private static boolean startsIban(String text, int i) {
    return Chars.isUpper(text.charAt(i))
        && Chars.isUpper(text.charAt(i + 1))
        && Chars.isDigit(text.charAt(i + 2))
        && Chars.isDigit(text.charAt(i + 3))
        && Chars.wordStartsAt(text, i);
  }

  /** The remainder mod 97 of the account moved behind its first four chars, letters as 10-35. */
  static int mod97(String text, int start, int end) {
    int remainder = 0;
    int index = 0;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c != ' ' && index++ >= 4) {
        remainder = step(remainder, c);
      }
    }
    index = 0;
    for (int k = start; k < end && index < 4; k++) {
      char c = text.charAt(k);
      if (c != ' ') {
        index++;
        remainder = step(remainder, c);
      }
    }
    return remainder;
  }

  private static int step(int remainder, char c) {
    return Chars.isDigit(c)
        ? (remainder * 10 + (c - '0')) % 97
        : (remainder * 100 + (c - 'A' + 10)) % 97;
  }

  private static boolean isIbanChar(char c) {
    return Chars.isUpper(c) || Chars.isDigit(c);
  }
}
