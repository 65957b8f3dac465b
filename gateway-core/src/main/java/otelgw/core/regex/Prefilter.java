package otelgw.core.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * What every match of a regex needs, read from the regex's top level, so that a text that cannot
 * hold a match is passed over without running the matcher: the most telling run of char classes
 * every match holds (an e-mail pattern's {@code [\w.+-]@[\w-]}, a card pattern's {@code
 * 4[0-9]{12}}; see {@link ClassRun}) and the fewest chars a match takes (13 for {@code
 * 4[0-9]{12}}). Java's matcher reports "no match" only after trying one at every position, through
 * a chain of nodes per char; a length check and one pass for the run cost a few nanoseconds for a
 * typical attribute value, and rule out most of them for the usual PII patterns.
 *
 * <p>Conservative: it rules a text out only where the regex is simple enough to be sure. Groups
 * count no more than they must and end a run; a class the reader cannot read exactly ({@code
 * \p{L}}, {@code [a-z&&[^x]]}) holds every char; a leading {@code (?i)} gives each class both cases
 * of its ASCII letters. An alternation at the top level, any other flag that changes matching for
 * the rest of the regex ({@code (?s)}, {@code (?iu)}), quoting ({@code \Q}), an escape this reader
 * does not know, or a char outside the Basic Multilingual Plane make it rule nothing out.
 * Immutable.
 */
final class Prefilter {

  /** Rules nothing out: for regexes the reader cannot be sure of. */
  static final Prefilter NONE = new Prefilter(List.of(), 0);

  /** The most chars one quantified atom adds to a run: enough to tell, and a bounded check. */
  private static final int MAX_REPEAT = 32;

  /** The most runs checked: each costs a pass over the text where it is there. */
  private static final int MAX_RUNS = 3;

  /** Bits a run must tell to be worth a pass: a single printable char tells about 7. */
  private static final double MIN_SELECTIVITY = 4;

  private final ClassRun[] runs;
  private final int minLength;

  private Prefilter(List<ClassRun> runs, int minLength) {
    this.runs = runs.toArray(new ClassRun[0]);
    this.minLength = minLength;
  }

  /** What every match of {@code regex} needs; {@link #NONE} if it cannot be told for sure. */
  static Prefilter of(String regex) {
    try {
      Reader reader = new Reader(regex);
      reader.read();
      return new Prefilter(reader.telling(), reader.minLength);
    } catch (Unsure e) {
      return NONE;
    }
  }

  /** The length of the most telling run every match holds; 0 if there is none to tell. */
  int runLength() {
    return runs.length == 0 ? 0 : runs[0].length();
  }

  /** The fewest chars a match takes; 0 if there is none to tell. */
  int minLength() {
    return minLength;
  }

  /** Whether {@code text} cannot hold a match. */
  boolean rulesOut(String text) {
    if (text.length() < minLength) {
      return true;
    }
    for (ClassRun run : runs) {
      if (!run.mayOccurIn(text)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link #rulesOutWithin} can rule anything out: a run of ASCII classes tells. */
  boolean looksWithin() {
    for (ClassRun run : runs) {
      if (run.asciiOnly()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether no text whose UTF-8 lies within {@code bytes} can hold a match; {@code bytes} holds one
   * byte per char (ISO-8859-1), such as a whole message's encoding with all its strings. Only runs
   * of ASCII classes tell: each of their chars is one byte, itself, wherever the text lies.
   */
  boolean rulesOutWithin(String bytes) {
    for (ClassRun run : runs) {
      if (run.asciiOnly() && !run.mayOccurIn(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** Reads a regex's top level once, left to right. */
  private static final class Reader {

    private static final String ZERO_WIDTH_ESCAPES = "bBAzZG";
    private static final String CASE_INSENSITIVE = "(?i)";

    private final String regex;
    private final List<CharClass> run = new ArrayList<>();
    private final BitSet stretches = new BitSet();
    private final List<ClassRun> runs = new ArrayList<>();
    private int pos;
    private int minLength;
    private boolean caseInsensitive;

    Reader(String regex) {
      this.regex = regex;
    }

    void read() throws Unsure {
      for (int i = 0; i < regex.length(); i++) {
        if (Character.isSurrogate(regex.charAt(i))) {
          throw Unsure.INSTANCE;
        }
      }
      if (regex.contains("\\Q")) {
        throw Unsure.INSTANCE;
      }
      // A leading (?i) folds the case of ASCII letters everywhere after it; other flags, and flags
      // further on, are unsure.
      if (regex.startsWith(CASE_INSENSITIVE)) {
        caseInsensitive = true;
        pos = CASE_INSENSITIVE.length();
      }
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        switch (c) {
          case '|', ')' -> throw Unsure.INSTANCE;
          case '(' -> {
            skipGroup(); // counts as nothing: it may match the empty string
            endRun();
            quantifier();
          }
          case '[' -> repeat(charClass());
          case '.' -> {
            pos++;
            repeat(CharClass.dot());
          }
          case '^', '$' -> {
            pos++; // zero width: the chars around it are still next to each other
            quantifier();
          }
          case '*', '+', '?', '{' -> throw Unsure.INSTANCE; // a quantifier with nothing before it
          case '\\' -> escape();
          default -> {
            pos++;
            repeat(CharClass.of(c));
          }
        }
      }
      endRun();
    }

    private void escape() throws Unsure {
      if (pos + 1 >= regex.length()) {
        throw Unsure.INSTANCE;
      }
      char c = regex.charAt(pos + 1);
      pos += 2;
      if (!Character.isLetterOrDigit(c)) {
        repeat(CharClass.of(c));
      } else if (ZERO_WIDTH_ESCAPES.indexOf(c) >= 0) {
        quantifier();
      } else if (c == 'R' || c == 'X') {
        // A line break or a grapheme: one or more chars, not one class.
        endRun();
        minLength += quantifier().least;
      } else {
        CharClass escaped = CharClass.escape(c);
        if (escaped == null) {
          // Property, hex, unicode, octal, control, named and numbered back-reference escapes.
          throw Unsure.INSTANCE;
        }
        repeat(escaped);
      }
    }

    /**
     * An atom of {@code chars} and its quantifier. Repeated a fixed number of times it stays in the
     * run. Repeated one or more times, it stretches where its neighbours hold none of its chars (in
     * {@code @[\w-]+\.}); otherwise, and for other varying counts, the first repetitions end the
     * run and the last ones start the next (in {@code a+@}, the last {@code a} is next to the
     * {@code @}).
     */
    private void repeat(CharClass atom) throws Unsure {
      CharClass chars = caseInsensitive ? atom.withBothCases() : atom;
      Quantifier quantifier = quantifier();
      minLength += quantifier.least;
      follow(chars);
      if (!quantifier.fixed
          && quantifier.least == 1
          && !run.isEmpty()
          && !chars.sharesAsciiWith(run.get(run.size() - 1))) {
        stretches.set(run.size());
        run.add(chars);
        return;
      }
      int copies = Math.min(quantifier.least, MAX_REPEAT);
      for (int i = 0; i < copies; i++) {
        run.add(chars);
      }
      if (!quantifier.fixed || copies < quantifier.least) {
        endRun();
        for (int i = 0; i < copies; i++) {
          run.add(chars);
        }
      }
    }

    /**
     * Makes room for {@code next} after the run: a stretch it shares chars with would not know
     * where to stop, so it stands for one char, the last of the run, and the next run starts with
     * it.
     */
    private void follow(CharClass next) {
      int last = run.size() - 1;
      if (last >= 0 && stretches.get(last) && next.sharesAsciiWith(run.get(last))) {
        CharClass stretch = run.get(last);
        endRun();
        run.add(stretch);
      }
    }

    /** Saves the run if it tells enough; a stretch at its end tells no more than one char. */
    private void endRun() {
      if (!run.isEmpty()) {
        stretches.clear(run.size() - 1);
      }
      if (!run.isEmpty() && ClassRun.selectivity(run) >= MIN_SELECTIVITY) {
        runs.add(new ClassRun(run, stretches));
      }
      run.clear();
      stretches.clear();
    }

    /**
     * The most telling runs, most telling first; of two that tell as much, the earlier. Every one
     * must occur, so a text can be ruled out by any.
     */
    List<ClassRun> telling() {
      return runs.stream()
          .sorted(Comparator.comparingLong(run -> -Math.round(run.selectivity() * 1000)))
          .limit(MAX_RUNS)
          .toList();
    }

    /** How often an atom must match at least, and whether always that often. */
    private record Quantifier(int least, boolean fixed) {
      static final Quantifier ONCE = new Quantifier(1, true);
    }

    /**
     * Skips a quantifier ({@code ?}, {@code *}, {@code +}, {@code {n}}, {@code {n,}}, {@code
     * {n,m}}) and its lazy or possessive mark; none is once.
     */
    private Quantifier quantifier() throws Unsure {
      if (pos >= regex.length()) {
        return Quantifier.ONCE;
      }
      char c = regex.charAt(pos);
      Quantifier quantifier;
      if (c == '?' || c == '*') {
        quantifier = new Quantifier(0, false);
        pos++;
      } else if (c == '+') {
        quantifier = new Quantifier(1, false);
        pos++;
      } else if (c == '{') {
        int close = regex.indexOf('}', pos);
        if (close < 0) {
          throw Unsure.INSTANCE;
        }
        quantifier = bounds(regex.substring(pos + 1, close));
        pos = close + 1;
      } else {
        return Quantifier.ONCE;
      }
      if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
        pos++;
      }
      return quantifier;
    }

    private static Quantifier bounds(String bounds) throws Unsure {
      int comma = bounds.indexOf(',');
      try {
        int least = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
        if (least < 0 || least > 1 << 16) {
          throw Unsure.INSTANCE;
        }
        boolean fixed =
            comma < 0
                || (comma < bounds.length() - 1
                    && Integer.parseInt(bounds.substring(comma + 1)) == least);
        return new Quantifier(least, fixed);
      } catch (NumberFormatException e) {
        throw Unsure.INSTANCE;
      }
    }

    /**
     * Reads a character class. One it cannot read exactly, with nested classes, intersections or
     * escapes it does not know, holds every char: more than it should, which a prefilter may.
     */
    private CharClass charClass() throws Unsure {
      int start = pos;
      CharClass read = readClass();
      if (read == null) {
        pos = start;
        skipClass();
        return CharClass.ANY;
      }
      return read;
    }

    /** The class at {@code pos}, or null where it cannot be read exactly. */
    private CharClass readClass() throws Unsure {
      pos++; // [
      boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
      if (negated) {
        pos++;
      }
      if (pos < regex.length() && regex.charAt(pos) == ']') {
        throw Unsure.INSTANCE; // '[]...]' and '[^]...]': leave such classes alone
      }
      CharClass.Builder chars = new CharClass.Builder();
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        if (c == ']') {
          pos++;
          return negated ? chars.negate().build() : chars.build();
        }
        if (c == '[' || regex.startsWith("&&", pos)) {
          return null;
        }
        int from = classChar();
        if (from == -2) {
          return null;
        }
        if (from == -1) {
          chars.add(CharClass.escape(regex.charAt(pos - 1)));
          continue;
        }
        if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
          pos++;
          int to = classChar();
          if (to < 0) {
            return null;
          }
          chars.addRange((char) from, (char) to);
        } else {
          chars.add((char) from);
        }
      }
      throw Unsure.INSTANCE;
    }

    /**
     * Reads one char of a class: the char, -1 for an escape that stands for a class ({@code \d}),
     * -2 for one this reader does not know.
     */
    private int classChar() {
      char c = regex.charAt(pos++);
      if (c != '\\') {
        return c;
      }
      if (pos >= regex.length()) {
        return -2;
      }
      char escaped = regex.charAt(pos++);
      if (!Character.isLetterOrDigit(escaped)) {
        return escaped;
      }
      CharClass chars = CharClass.escape(escaped);
      if (chars == null) {
        return -2;
      }
      int single = chars.single();
      return "ntrfea".indexOf(escaped) >= 0 ? single : -1;
    }

    /** Skips a group and what it holds; a top-level flag group such as {@code (?i)} is unsure. */
    private void skipGroup() throws Unsure {
      if (regex.startsWith("(?", pos)) {
        int i = pos + 2;
        while (i < regex.length() && "idmsuxU-".indexOf(regex.charAt(i)) >= 0) {
          i++;
        }
        if (i > pos + 2 && i < regex.length() && regex.charAt(i) == ')') {
          throw Unsure.INSTANCE; // flags for the rest of the regex
        }
      }
      int depth = 0;
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        if (c == '\\') {
          pos += 2;
          continue;
        }
        if (c == '[') {
          skipClass();
          continue;
        }
        pos++;
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return;
        }
      }
      throw Unsure.INSTANCE;
    }

    /** Skips a character class, nested classes included. */
    private void skipClass() throws Unsure {
      pos++; // [
      if (pos < regex.length() && regex.charAt(pos) == '^') {
        pos++;
      }
      if (pos < regex.length() && regex.charAt(pos) == ']') {
        throw Unsure.INSTANCE; // '[]...]' and '[^]...]': leave such classes alone
      }
      int depth = 1;
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        if (c == '\\') {
          pos += 2;
          continue;
        }
        pos++;
        if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          return;
        }
      }
      throw Unsure.INSTANCE;
    }
  }

  /** The regex is not simple enough to be sure of; preallocated, without a stack trace. */
  private static final class Unsure extends Exception {
    private static final long serialVersionUID = 1L;
    static final Unsure INSTANCE = new Unsure();

    private Unsure() {
      super(null, null, false, false);
    }
  }
}
