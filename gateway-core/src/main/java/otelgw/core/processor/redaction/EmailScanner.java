package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -} before an {@code @}, and
 * a domain after it with at least one dot and a final label of two or more letters. A local part
 * never reaches back into the address before it, and each stretch between two {@code @} is read at
 * most three times, so the scan is linear even on {@code a@a@a@...}.
 */
final class EmailScanner implements Scanner {

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int at = text.indexOf('@');
    int previousEnd = 0;
    while (at >= 0) {
      int start = at;
      while (start > previousEnd && isLocal(text.charAt(start - 1))) {
        start--;
      }
      while (start < at && text.charAt(start) == '.') {
        start++;
      }
      int end = at + 1;
      while (end < length && isDomain(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      if (start < at && validDomain(text, at + 1, end)) {
        sink.match(start, end);
        previousEnd = end;
      }
      at = text.indexOf('@', Math.max(at + 1, end));
    }
  }

  private static boolean validDomain(String text, int start, int end) {
    int lastDot = end - 1;
    while (lastDot >= start && text.charAt(lastDot) != '.') {
      lastDot--;
    }
    if (lastDot <= start || end - lastDot - 1 < 2) {
      return false;
    }
    for (int i = lastDot + 1; i < end; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLocal(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomain(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }
}
