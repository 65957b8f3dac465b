package otelgw.core.regex;

import java.util.List;

/**
 * A run of char classes that every match of a regex holds, one char after the other: {@code
 * 4[0-9]{12}} for a card pattern, {@code [0-9]{3}-[0-9]{2}-[0-9]{4}} for an SSN one. Searching a
 * text for it takes one pass: the rarest class of the run is the anchor, found with {@link
 * String#indexOf(int, int)} where it is one char, and the run is checked outwards from each place
 * the anchor occurs.
 *
 * <p>A class stands for one code point, which above the Basic Multilingual Plane is two chars, so
 * the chars on one side of such a code point no longer line up with the run. Checking outwards, a
 * surrogate is the first char that does not line up; it and every other char above ASCII make the
 * run a possible match where its class may hold them, and so never rule out a match. Immutable.
 */
final class ClassRun {

  /** Chars most text is full of: lower-case letters, digits, and the usual separators. */
  private static final String COMMON = "abcdefghijklmnopqrstuvwxyz0123456789 -._/:";

  private final CharClass[] classes;
  private final int anchor;
  private final int anchorChar;
  private final boolean asciiOnly;

  ClassRun(List<CharClass> classes) {
    this.classes = classes.toArray(new CharClass[0]);
    int rarest = 0;
    for (int i = 1; i < this.classes.length; i++) {
      if (anchorCost(this.classes[i]) < anchorCost(this.classes[rarest])) {
        rarest = i;
      }
    }
    this.anchor = rarest;
    this.anchorChar = this.classes[rarest].single();
    this.asciiOnly = classes.stream().allMatch(CharClass::asciiOnly);
  }

  /**
   * How often a class may be expected in text: its weight, and of two single chars the one text is
   * full of (a JWT pattern's {@code eyJ} is best searched by its {@code J}).
   */
  private static int anchorCost(CharClass chars) {
    int single = chars.single();
    return 2 * chars.weight() + (single >= 0 && COMMON.indexOf(single) >= 0 ? 1 : 0);
  }

  /**
   * Whether every class holds ASCII chars only. Such a run is found in UTF-8 bytes read one to a
   * char as in the text they encode: an ASCII char is one byte, itself.
   */
  boolean asciiOnly() {
    return asciiOnly;
  }

  int length() {
    return classes.length;
  }

  /** How much a run narrows a search: about the bits of information each of its chars carries. */
  static double selectivity(List<CharClass> classes) {
    double bits = 0;
    for (CharClass each : classes) {
      bits += Math.log(160.0 / Math.max(1, each.weight())) / Math.log(2);
    }
    return bits;
  }

  /** Whether the run may occur in {@code text}; false only where it surely does not. */
  boolean mayOccurIn(String text) {
    int last = text.length() - (classes.length - anchor);
    if (anchorChar >= 0) {
      for (int at = text.indexOf(anchorChar, anchor); at >= 0 && at <= last; ) {
        if (fitsAround(text, at)) {
          return true;
        }
        at = text.indexOf(anchorChar, at + 1);
      }
      return false;
    }
    CharClass anchorClass = classes[anchor];
    for (int at = anchor; at <= last; at++) {
      if (anchorClass.contains(text.charAt(at)) && fitsAround(text, at)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the run may occur with its anchor at {@code at}, which its class holds. */
  private boolean fitsAround(String text, int at) {
    if (text.charAt(at) >= 128) {
      return true;
    }
    for (int i = anchor + 1; i < classes.length; i++) {
      char c = text.charAt(at + i - anchor);
      if (!classes[i].contains(c)) {
        return false;
      }
      if (c >= 128) {
        return true;
      }
    }
    for (int i = anchor - 1; i >= 0; i--) {
      char c = text.charAt(at - (anchor - i));
      if (!classes[i].contains(c)) {
        return false;
      }
      if (c >= 128) {
        return true;
      }
    }
    return true;
  }
}
