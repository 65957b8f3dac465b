package otelgw.core.processor.attributes;

import java.util.ArrayList;
import java.util.List;

/**
 * The capturing groups of an {@code extract} pattern, with their names, and the pattern rewritten
 * for Java. Collector configs are written for Go, whose group names may hold underscores ({@code
 * (?<user_id>...)}) and which also accepts {@code (?P<name>...)}; Java accepts neither. Since the
 * groups are read by number, each named group becomes a plain capturing group and its name is kept
 * here, in group order.
 *
 * <p>The pattern text is read as Java reads it: escapes, {@code \Q...\E} quotes and character
 * classes are skipped; {@code (?<name>} and {@code (?P<name>} are named groups, {@code (} without
 * {@code ?} an unnamed one (null here), and every other {@code (?} construct (lookaround, flags,
 * non-capturing) none.
 *
 * @param regex the pattern for Java, named groups made plain
 * @param names the name of each capturing group, or null for an unnamed one
 */
record NamedGroups(String regex, List<String> names) {

  static NamedGroups of(String pattern) {
    StringBuilder regex = new StringBuilder(pattern.length());
    List<String> names = new ArrayList<>();
    int classDepth = 0;
    int i = 0;
    int length = pattern.length();
    while (i < length) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        int end =
            i + 1 < length && pattern.charAt(i + 1) == 'Q'
                ? quoteEnd(pattern, i + 2)
                : Math.min(length, i + 2);
        regex.append(pattern, i, end);
        i = end;
        continue;
      }
      if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (c == '(' && classDepth == 0) {
        int nameStart = nameStart(pattern, i);
        int nameEnd = nameStart < 0 ? -1 : pattern.indexOf('>', nameStart);
        if (nameEnd > 0) {
          names.add(pattern.substring(nameStart, nameEnd));
          regex.append('(');
          i = nameEnd + 1;
          continue;
        }
        if (i + 1 >= length || pattern.charAt(i + 1) != '?') {
          names.add(null);
        }
      }
      regex.append(c);
      i++;
    }
    return new NamedGroups(regex.toString(), names);
  }

  /** Where the name of a group opening at {@code open} starts, or -1 if it is not named. */
  private static int nameStart(String pattern, int open) {
    if (pattern.startsWith("(?P<", open)) {
      return open + 4;
    }
    if (pattern.startsWith("(?<", open)
        && !pattern.startsWith("(?<=", open)
        && !pattern.startsWith("(?<!", open)) {
      return open + 3;
    }
    return -1;
  }

  private static int quoteEnd(String pattern, int from) {
    int end = pattern.indexOf("\\E", from);
    return end < 0 ? pattern.length() : end + 2;
  }
}
