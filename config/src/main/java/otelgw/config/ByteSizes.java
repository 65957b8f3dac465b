package otelgw.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes: a plain number of bytes, or a number with a unit such as {@code 20MiB}. */
public final class ByteSizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB)?", Pattern.CASE_INSENSITIVE);

  private ByteSizes() {}

  /**
   * Parses {@code 1048576}, {@code 512KiB}, {@code 20MiB} or {@code 1GB} into bytes.
   *
   * @throws IllegalArgumentException naming the accepted form when {@code text} is not one
   */
  public static long parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size: use a number of bytes, or a unit such as 512KiB or 20MiB");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase();
    long factor =
        switch (unit) {
          case "KB" -> 1000L;
          case "KIB" -> 1L << 10;
          case "MB" -> 1000L * 1000;
          case "MIB" -> 1L << 20;
          case "GB" -> 1000L * 1000 * 1000;
          case "GIB" -> 1L << 30;
          default -> 1L;
        };
    return Math.multiplyExact(amount, factor);
  }

  /**
   * {@code bytes} as {@link #parse} reads it back, in the largest binary unit that divides it:
   * {@code 20MiB}, {@code 4KiB}, {@code 1000}.
   */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "GiB";
    }
    if (bytes != 0 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    if (bytes != 0 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "KiB";
    }
    return Long.toString(bytes);
  }
}
