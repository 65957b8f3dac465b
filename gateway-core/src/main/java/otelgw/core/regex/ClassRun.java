package otelgw.core.regex;

import java.util.BitSet;
import java.util.List;

/**
 * A run of char classes that every match of a regex holds, one char after the other: {@code
 * 4[0-9]{12}} for a card pattern, {@code [0-9]{3}-[0-9]{2}-[0-9]{4}} for an SSN one. Searching a
 * text for it takes one pass: the rarest class of the run is the anchor, found with {@link
 * String#indexOf(int, int)} where it is one char, and the run is checked outwards from each place
 * the anchor occurs.
 *
 * <p>A class in the run may <em>stretch</em>: stand for one or more chars of it, as {@code [\w-]+}
 * in an e-mail pattern's {@code @[\w-]+\.}. It stretches only between neighbours that hold none of
 * its ASCII chars, so checking it greedily, as far as its chars go, finds where the next class must
 * be: no other split of the text could match. A stretch is never the anchor, nor first or last.
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
  private final boolean[] stretches;
  private final int anchor;
  private final int anchorChar;
  private final boolean asciiOnly;
  private final double selectivity;

  /**
   * A run of {@code classes} one after the other, those at the indexes set in {@code stretches}
   * stretching: the reader sets them only where the neighbours hold none of their ASCII chars.
   */
  ClassRun(List<CharClass> classes, BitSet stretches) {
    this.classes = classes.toArray(new CharClass[0]);
    this.stretches = new boolean[this.classes.length];
    for (int i = 0; i < this.classes.length; i++) {
      this.stretches[i] = stretches.get(i);
    }
    int rarest = -1;
    for (int i = 0; i < this.classes.length; i++) {
      if (!this.stretches[i]
          && (rarest < 0 || anchorCost(this.classes[i]) < anchorCost(this.classes[rarest]))) {
        rarest = i;
      }
    }
    this.anchor = rarest;
    this.anchorChar = this.classes[rarest].single();
    this.asciiOnly = classes.stream().allMatch(CharClass::asciiOnly);
    this.selectivity = selectivity(classes);
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

  /** How much the run narrows a search: about the bits each of its classes tells, once. */
  double selectivity() {
    return selectivity;
  }

  /** How much a run of {@code classes} would narrow a search. */
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

  /**
   * Whether the run may occur with its anchor at {@code at}, which its class holds. The run's
   * length before and after the anchor keeps the anchor's neighbours within the text; a stretch may
   * take the check past them, so each step past one is bounds-checked.
   */
  private boolean fitsAround(String text, int at) {
    if (text.charAt(at) >= 128) {
      return true;
    }
    int pos = at + 1;
    for (int i = anchor + 1; i < classes.length; i++) {
      if (pos >= text.length()) {
        return false;
      }
      char c = text.charAt(pos++);
      if (!classes[i].contains(c)) {
        return false;
      }
      if (c >= 128) {
        return true;
      }
      if (stretches[i]) {
        for (; pos < text.length() && classes[i].contains(c = text.charAt(pos)); pos++) {
          if (c >= 128) {
            return true;
          }
        }
      }
    }
    pos = at - 1;
    for (int i = anchor - 1; i >= 0; i--) {
      if (pos < 0) {
        return false;
      }
      char c = text.charAt(pos--);
      if (!classes[i].contains(c)) {
        return false;
      }
      if (c >= 128) {
        return true;
      }
      if (stretches[i]) {
        for (; pos >= 0 && classes[i].contains(c = text.charAt(pos)); pos--) {
          if (c >= 128) {
            return true;
          }
        }
      }
    }
    return true;
  }
}
