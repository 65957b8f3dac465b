package otelgw.core.processor.attributes;

import java.util.ArrayList;
import java.util.List;

/**
 * The capturing groups of a Java regex in order, with their names, or null for an unnamed one.
 * Java 17 does not say which groups are named, so the pattern text is read: escapes, quoted
 * {@code \Q...\E} spans and character classes are skipped; {@code (?<name>} is a named group,
 * {@code (} without {@code ?} an unnamed one, and every other {@code (?} construct (lookaround,
 * flags, non-capturing) none.
 */
final class NamedGroups {

  private NamedGroups() {}

  static List<String> of(String regex) {
    List<String> groups = new ArrayList<>();
    int classDepth = 0;
    int i = 0;
    int length = regex.length();
    while (i < length) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < length && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? length : end + 2;
        } else {
          i += 2;
        }
        continue;
      }
      if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (c == '(' && classDepth == 0) {
        if (i + 1 >= length || regex.charAt(i + 1) != '?') {
          groups.add(null);
        } else if (i + 3 < length
            && regex.charAt(i + 2) == '<'
            && regex.charAt(i + 3) != '='
            && regex.charAt(i + 3) != '!') {
          int end = regex.indexOf('>', i + 3);
          groups.add(end < 0 ? null : regex.substring(i + 3, end));
        }
      }
      i++;
    }
    return groups;
  }
}
