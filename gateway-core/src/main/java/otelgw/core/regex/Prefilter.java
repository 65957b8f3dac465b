package otelgw.core.regex;

/**
 * What every match of a regex needs, read from the regex's top level, so that a text that cannot
 * hold a match is passed over without running the matcher: the longest piece of plain text every
 * match contains (an e-mail pattern's {@code @}, a JWT pattern's {@code eyJ}) and the fewest chars
 * a match takes (13 for {@code 4[0-9]{12}}). Java's matcher reports "no match" only after trying
 * one at every position, which for a pattern that starts with a greedy class is quadratic in the
 * runs that class matches; a length check and {@link String#contains} cost one fast pass at most.
 *
 * <p>Conservative: it rules a text out only where the regex is simple enough to be sure. Groups,
 * classes and escapes other than a backslash before punctuation end a run of plain text and count
 * no more than they must; an alternation at the top level, a flag that changes matching for the
 * rest of the regex ({@code (?i)}), quoting ({@code \Q}), an escape this reader does not know, or a
 * char outside the Basic Multilingual Plane make it rule nothing out. Immutable.
 */
final class Prefilter {

  /** Rules nothing out: for regexes the reader cannot be sure of. */
  static final Prefilter NONE = new Prefilter("", 0);

  private final String required;
  private final int minLength;

  private Prefilter(String required, int minLength) {
    this.required = required;
    this.minLength = minLength;
  }

  /** What every match of {@code regex} needs; {@link #NONE} if it cannot be told for sure. */
  static Prefilter of(String regex) {
    try {
      Reader reader = new Reader(regex);
      reader.read();
      return new Prefilter(reader.longest, reader.minLength);
    } catch (Unsure e) {
      return NONE;
    }
  }

  /** Plain text every match contains; empty if there is none to tell. */
  String required() {
    return required;
  }

  /** The fewest chars a match takes; 0 if there is none to tell. */
  int minLength() {
    return minLength;
  }

  /** Whether {@code text} cannot hold a match. */
  boolean rulesOut(String text) {
    return text.length() < minLength || (!required.isEmpty() && !text.contains(required));
  }

  /** Reads a regex's top level once, left to right. */
  private static final class Reader {

    private static final String ZERO_WIDTH_ESCAPES = "bBAzZG";
    private static final String ONE_CHAR_ESCAPES = "dDwWsShHvVRXntrfea";

    private final String regex;
    private final StringBuilder run = new StringBuilder();
    private int pos;
    private String longest = "";
    private int minLength;

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
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        switch (c) {
          case '|', ')' -> throw Unsure.INSTANCE;
          case '(' -> {
            skipGroup(); // counts as nothing: it may match the empty string
            endRun();
            quantifier();
          }
          case '[', '.' -> {
            if (c == '[') {
              skipClass();
            } else {
              pos++;
            }
            endRun();
            add(quantifier());
          }
          case '^', '$' -> {
            pos++;
            endRun();
            quantifier();
          }
          case '*', '+', '?', '{' -> throw Unsure.INSTANCE; // a quantifier with nothing before it
          case '\\' -> escape();
          default -> {
            pos++;
            literal(c);
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
        literal(c);
      } else if (ZERO_WIDTH_ESCAPES.indexOf(c) >= 0) {
        endRun();
      } else if (ONE_CHAR_ESCAPES.indexOf(c) >= 0) {
        endRun();
        add(quantifier());
      } else {
        // Property, hex, unicode, octal, control, named and numbered back-reference escapes.
        throw Unsure.INSTANCE;
      }
    }

    /** A plain char: part of the run unless a quantifier may leave it out or repeat it. */
    private void literal(char c) throws Unsure {
      char next = pos < regex.length() ? regex.charAt(pos) : 0;
      if (next == '?' || next == '*' || next == '{') {
        endRun();
        add(quantifier());
      } else if (next == '+') {
        run.append(c); // at least once, but what follows need not be next to it
        endRun();
        add(quantifier());
      } else {
        run.append(c);
        add(1);
      }
    }

    private void add(int chars) {
      minLength += chars;
    }

    private void endRun() {
      if (run.length() > longest.length()) {
        longest = run.toString();
      }
      run.setLength(0);
    }

    /**
     * Skips a quantifier ({@code ?}, {@code *}, {@code +}, {@code {n}}, {@code {n,}}, {@code
     * {n,m}}) and its lazy or possessive mark; returns how often the atom before it must match at
     * least: 1 when there is none.
     */
    private int quantifier() throws Unsure {
      if (pos >= regex.length()) {
        return 1;
      }
      char c = regex.charAt(pos);
      int least;
      if (c == '?' || c == '*') {
        least = 0;
        pos++;
      } else if (c == '+') {
        least = 1;
        pos++;
      } else if (c == '{') {
        int close = regex.indexOf('}', pos);
        if (close < 0) {
          throw Unsure.INSTANCE;
        }
        String bounds = regex.substring(pos + 1, close);
        int comma = bounds.indexOf(',');
        try {
          least = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
        } catch (NumberFormatException e) {
          throw Unsure.INSTANCE;
        }
        if (least < 0 || least > 1 << 16) {
          throw Unsure.INSTANCE;
        }
        pos = close + 1;
      } else {
        return 1;
      }
      if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
        pos++;
      }
      return least;
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
