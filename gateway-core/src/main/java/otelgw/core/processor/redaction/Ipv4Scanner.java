package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * IPv4 addresses in dotted-decimal form, four numbers from 0 to 255. A dotted run of more than four
 * numbers ({@code 1.2.3.4.5}, a version or an OID) is not an address; one next to a digit or a dot
 * is not standalone.
 */
final class Ipv4Scanner implements Scanner {

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (!Chars.isDigit(c) || (i > 0 && isNumberChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = addressEnd(text, i);
      if (end > 0) {
        sink.match(i, end);
        i = end;
      } else {
        i++;
      }
    }
  }

  /** Where the address starting at {@code start} ends, or -1 if there is none. */
  static int addressEnd(String text, int start) {
    int length = text.length();
    int i = start;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= length || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int digitsStart = i;
      int value = 0;
      while (i < length && Chars.isDigit(text.charAt(i)) && i - digitsStart < 3) {
        value = value * 10 + text.charAt(i) - '0';
        i++;
      }
      if (i == digitsStart || value > 255) {
        return -1;
      }
    }
    if (i < length && Chars.isDigit(text.charAt(i))) {
      return -1;
    }
    if (i + 1 < length && text.charAt(i) == '.' && Chars.isDigit(text.charAt(i + 1))) {
      return -1;
    }
    return i;
  }

  private static boolean isNumberChar(char c) {
    return Chars.isDigit(c) || c == '.';
  }
}
