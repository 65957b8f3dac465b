package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * US Social Security numbers written {@code ddd-dd-dddd}, excluding numbers never issued: area 000,
 * 666 or 900 to 999, group 00, serial 0000. Not part of a longer run of digits and dashes.
 */
final class UsSsnScanner implements Scanner {

  private static final int LENGTH = 11;

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int i = 0;
    while (i + LENGTH <= length) {
      if (isSsn(text, i) && standsAlone(text, i)) {
        sink.match(i, i + LENGTH);
        i += LENGTH;
      } else {
        i++;
      }
    }
  }

  private static boolean isSsn(String text, int i) {
    for (int k = 0; k < LENGTH; k++) {
      char c = text.charAt(i + k);
      boolean dash = k == 3 || k == 6;
      if (dash ? c != '-' : !Chars.isDigit(c)) {
        return false;
      }
    }
    int area = number(text, i, 3);
    int group = number(text, i + 4, 2);
    int serial = number(text, i + 7, 4);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private static boolean standsAlone(String text, int i) {
    int end = i + LENGTH;
    boolean before =
        i == 0
            || !(Chars.isDigit(text.charAt(i - 1))
                || (text.charAt(i - 1) == '-' && i > 1 && Chars.isDigit(text.charAt(i - 2))));
    boolean after =
        end == text.length()
            || !(Chars.isDigit(text.charAt(end))
                || (text.charAt(end) == '-'
                    && end + 1 < text.length()
                    && Chars.isDigit(text.charAt(end + 1))));
    return before && after;
  }

  private static int number(String text, int start, int digits) {
    int value = 0;
    for (int k = 0; k < digits; k++) {
      value = value * 10 + text.charAt(start + k) - '0';
    }
    return value;
  }
}
