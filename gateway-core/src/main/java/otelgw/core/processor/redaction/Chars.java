package otelgw.core.processor.redaction;

/** ASCII character classes for the scanners; the values they look for are ASCII. */
final class Chars {

  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLetter(char c) {
    return isUpper(c) || (c >= 'a' && c <= 'z');
  }

  static boolean isAlnum(char c) {
    return isLetter(c) || isDigit(c);
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A char of base64url, as JWTs are encoded. */
  static boolean isBase64Url(char c) {
    return isAlnum(c) || c == '-' || c == '_';
  }

  /** A char that continues a word, in any script: values next to one are not standalone. */
  static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether the char before {@code index} does not continue a word. */
  static boolean wordStartsAt(String text, int index) {
    return index == 0 || !isWord(text.charAt(index - 1));
  }

  /** Whether the char at {@code index} does not continue a word. */
  static boolean wordEndsAt(String text, int index) {
    return index >= text.length() || !isWord(text.charAt(index));
  }
}
