package otelgw.core.processor.redaction;

import otelgw.core.regex.MatchSink;

/**
 * IPv6 addresses: eight groups of one to four hex digits joined by colons, or fewer with one {@code
 * ::}, optionally ending in a dotted IPv4 address. A candidate is a maximal run of hex digits,
 * colons and dots that stands alone as a word, so that {@code std::vector} or a MAC address ({@code
 * 00:1a:2b:3c:4d:5e}, six groups) is not taken for one. The unspecified address {@code ::} is left
 * alone.
 */
final class Ipv6Scanner implements Scanner {

  @Override
  public void scan(String text, MatchSink sink) {
    if (text.indexOf(':') < 0) {
      return;
    }
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!isRunChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int colons = 0;
      while (i < length && isRunChar(text.charAt(i))) {
        if (text.charAt(i) == ':') {
          colons++;
        }
        i++;
      }
      if (colons >= 2 && Chars.wordStartsAt(text, start) && Chars.wordEndsAt(text, i)) {
        matchRun(text, start, i, sink);
      }
    }
  }

  /** Trims a lone colon or dot off either end of the run and reports it if it is an address. */
  private static void matchRun(String text, int start, int end, MatchSink sink) {
    if (text.charAt(start) == ':' && !text.startsWith("::", start)) {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '.') {
      end--;
    }
    if (end - start >= 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
      end--;
    }
    if (isAddress(text, start, end)) {
      sink.match(start, end);
    }
  }

  static boolean isAddress(String text, int start, int end) {
    int groups = 0;
    boolean compressed = false;
    int i = start;
    if (text.startsWith("::", i)) {
      compressed = true;
      i += 2;
    }
    while (i < end) {
      int groupStart = i;
      while (i < end && Chars.isHex(text.charAt(i)) && i - groupStart <= 4) {
        i++;
      }
      if (i < end && text.charAt(i) == '.') {
        // An embedded IPv4 address ends the address and counts as two groups.
        if (Ipv4Scanner.addressEnd(text, groupStart) != end) {
          return false;
        }
        groups += 2;
        break;
      }
      int groupLength = i - groupStart;
      if (groupLength == 0 || groupLength > 4) {
        return false;
      }
      groups++;
      if (i == end) {
        break;
      }
      if (text.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < end && text.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
      } else if (i == end) {
        return false;
      }
    }
    return compressed ? groups >= 1 && groups <= 7 : groups == 8;
  }

  private static boolean isRunChar(char c) {
    return Chars.isHex(c) || c == ':' || c == '.';
  }
}
