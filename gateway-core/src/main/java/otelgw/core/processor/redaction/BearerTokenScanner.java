package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * The token of a bearer credential, {@code Bearer <token>} as in an {@code Authorization} header
 * (the scheme in any case, then spaces or tabs, then token68 chars). Only the token is reported, so
 * {@code Bearer abc.def} becomes {@code Bearer ****}. To leave prose such as "the bearer of this"
 * alone, a token must have a digit or one of {@code - . _ ~ + / =}, or be at least 20 chars long,
 * as real tokens do.
 */
final class BearerTokenScanner implements Scanner {

  private static final String SCHEME = "bearer";
  private static final int PLAIN_TOKEN_MIN_LENGTH = 20;

  @Override
  public void scan(String text, MatchSink sink) {
    int length = text.length();
    int i = 0;
    while (i + SCHEME.length() < length) {
      char c = text.charAt(i);
      if ((c != 'b' && c != 'B')
          || !text.regionMatches(true, i, SCHEME, 0, SCHEME.length())
          || !Chars.wordStartsAt(text, i)) {
        i++;
        continue;
      }
      int j = i + SCHEME.length();
      int spaces = j;
      while (j < length && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      if (j == spaces) {
        i++;
        continue;
      }
      int tokenStart = j;
      boolean marked = false;
      while (j < length && isTokenChar(text.charAt(j))) {
        marked |= !Chars.isLetter(text.charAt(j));
        j++;
      }
      while (j < length && text.charAt(j) == '=') {
        marked = true;
        j++;
      }
      if (j > tokenStart && (marked || j - tokenStart >= PLAIN_TOKEN_MIN_LENGTH)) {
        sink.match(tokenStart, j);
      }
      i = Math.max(j, i + 1);
    }
  }

  private static boolean isTokenChar(char c) {
    return Chars.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
