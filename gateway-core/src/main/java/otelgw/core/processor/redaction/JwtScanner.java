package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * JSON Web Tokens: three base64url segments joined by dots, the first starting {@code eyJ} (the
 * encoding of <code>{"</code>); the signature may be empty, as in an unsigned token. Only a segment
 * that starts a word is tried, so each char is read a bounded number of times.
 */
final class JwtScanner implements Scanner {

  private static final int MIN_HEADER = 10;

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int from = 0;
    int start;
    while ((start = text.indexOf("eyJ", from)) >= 0) {
      if (start > 0 && Chars.isBase64Url(text.charAt(start - 1))) {
        from = start + 1;
        continue;
      }
      int i = segmentEnd(text, start);
      if (i - start < MIN_HEADER || i >= length || text.charAt(i) != '.') {
        from = Math.max(i, start + 1);
        continue;
      }
      int payloadStart = i + 1;
      i = segmentEnd(text, payloadStart);
      if (i == payloadStart || i >= length || text.charAt(i) != '.') {
        from = Math.max(i, start + 1);
        continue;
      }
      i = segmentEnd(text, i + 1);
      sink.match(start, i);
      from = i;
    }
  }

  private static int segmentEnd(String text, int i) {
    int length = text.length();
    while (i < length && Chars.isBase64Url(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
