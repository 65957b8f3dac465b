package otelgw.core.regex;

/**
 * The chars one regex atom may match, as a {@link Prefilter} needs them: exactly for ASCII, and for
 * everything above only whether it may match some of it. Where unsure it holds more, never less.
 * Immutable.
 */
final class CharClass {

  /** Every char. */
  static final CharClass ANY = new CharClass(-1L, -1L, true);

  /** Those of ASCII; {@code .} leaves out some above it too, which a prefilter need not know. */
  private static final String LINE_TERMINATORS = "\n\r";

  /** 'A' to 'Z' in {@link #high}; 'a' to 'z' are 32 bits above. */
  private static final long UPPER_CASE = 0x07FF_FFFEL;

  private final long low;
  private final long high;
  private final boolean beyondAscii;

  private CharClass(long low, long high, boolean beyondAscii) {
    this.low = low;
    this.high = high;
    this.beyondAscii = beyondAscii;
  }

  /** One char; one above ASCII stands for any of them. */
  static CharClass of(char c) {
    return new Builder().add(c).build();
  }

  /** Java's {@code .} without flags: every char but line terminators. */
  static CharClass dot() {
    return new Builder().addAll(LINE_TERMINATORS).negate().build();
  }

  /**
   * The class of a one-char escape ({@code \d}, {@code \W}, {@code \t}, ...) without flags, or null
   * where {@code letter} names none.
   */
  static CharClass escape(char letter) {
    Builder builder = new Builder();
    switch (Character.toLowerCase(letter)) {
      case 'd' -> builder.addRange('0', '9');
      case 'w' -> builder.addRange('a', 'z').addRange('A', 'Z').addRange('0', '9').add('_');
      case 's' -> builder.addAll(" \t\n\u000B\f\r");
      case 'h' -> builder.addAll(" \t").beyondAscii();
      case 'v' -> builder.addAll("\n\u000B\f\r").beyondAscii();
      default -> {
        return plainEscape(letter);
      }
    }
    return Character.isUpperCase(letter) ? builder.negate().build() : builder.build();
  }

  private static CharClass plainEscape(char letter) {
    int at = "ntrfea".indexOf(letter);
    return at < 0 ? null : of("\n\t\r\f\u001B\u0007".charAt(at));
  }

  boolean contains(char c) {
    if (c >= 128) {
      return beyondAscii;
    }
    return ((c < 64 ? low >>> c : high >>> (c - 64)) & 1) != 0;
  }

  /**
   * It with both cases of each ASCII letter it holds: what it matches under {@code (?i)} without
   * {@code u}, which folds ASCII only. For a negated class that is more than it matches, as a
   * prefilter may hold.
   */
  CharClass withBothCases() {
    long upper = high & UPPER_CASE;
    long lower = high & (UPPER_CASE << 32);
    return new CharClass(low, high | upper << 32 | lower >>> 32, beyondAscii);
  }

  /** Whether it and {@code other} hold some ASCII char both; chars above ASCII do not count. */
  boolean sharesAsciiWith(CharClass other) {
    return (low & other.low) != 0 || (high & other.high) != 0;
  }

  /** Whether it holds ASCII chars only. */
  boolean asciiOnly() {
    return !beyondAscii;
  }

  /** How many ASCII chars it holds, plus a weight for those above: smaller is rarer. */
  int weight() {
    return Long.bitCount(low) + Long.bitCount(high) + (beyondAscii ? 32 : 0);
  }

  /** Its one char, where it holds exactly one ASCII char and nothing above; else -1. */
  int single() {
    if (beyondAscii || Long.bitCount(low) + Long.bitCount(high) != 1) {
      return -1;
    }
    return low != 0 ? Long.numberOfTrailingZeros(low) : 64 + Long.numberOfTrailingZeros(high);
  }

  /** Collects the chars of a class. */
  static final class Builder {
    private long low;
    private long high;
    private boolean beyondAscii;

    Builder add(char c) {
      if (c >= 128) {
        beyondAscii = true;
      } else if (c < 64) {
        low |= 1L << c;
      } else {
        high |= 1L << (c - 64);
      }
      return this;
    }

    Builder addAll(String chars) {
      for (int i = 0; i < chars.length(); i++) {
        add(chars.charAt(i));
      }
      return this;
    }

    Builder addRange(char from, char to) {
      for (char c = from; c <= to && c < 128; c++) {
        add(c);
      }
      if (to >= 128) {
        beyondAscii = true;
      }
      return this;
    }

    Builder add(CharClass other) {
      low |= other.low;
      high |= other.high;
      beyondAscii |= other.beyondAscii;
      return this;
    }

    Builder beyondAscii() {
      beyondAscii = true;
      return this;
    }

    /** Every char it does not hold; above ASCII it may then hold any. */
    Builder negate() {
      low = ~low;
      high = ~high;
      beyondAscii = true;
      return this;
    }

    CharClass build() {
      return new CharClass(low, high, beyondAscii);
    }
  }
}
