package otelgw.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written the Collector's (Go's) way: {@code 200ms}, {@code 5s}, {@code 1m30s}.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration such as {@code 1h2m3s}, {@code 250ms} or {@code 0}.
   *
   * @throws IllegalArgumentException naming the accepted form when {@code text} is not one
   */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = PART.matcher(trimmed);
    long nanos = 0;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      nanos += toNanos(Double.parseDouble(matcher.group(1)), matcher.group(2));
      end = matcher.end();
    }
    if (end == 0 || end != trimmed.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: use a number and a unit, such as 200ms, 5s or 1m30s");
    }
    return Duration.ofNanos(nanos);
  }

  /** Formats a duration the way it would be written in config: {@code 5s}, {@code 200ms}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    long nanos = duration.toNanos();
    if (nanos % 3_600_000_000_000L == 0) {
      return nanos / 3_600_000_000_000L + "h";
    }
    if (nanos % 60_000_000_000L == 0) {
      return nanos / 60_000_000_000L + "m";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return nanos + "ns";
  }

  private static long toNanos(double amount, String unit) {
    double factor =
        switch (unit) {
          case "ns" -> 1;
          case "us", "µs" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          case "h" -> 3600e9;
          default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    return Math.round(amount * factor);
  }
}
