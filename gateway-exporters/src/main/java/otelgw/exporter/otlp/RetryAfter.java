package otelgw.exporter.otlp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header: delay-seconds ({@code 120}) or an HTTP-date ({@code
 * Wed, 21 Oct 2015 07:28:00 GMT}). A date in the past means no wait at all.
 */
final class RetryAfter {

  private RetryAfter() {}

  /** The wait {@code value} asks for, seen at {@code now}; empty if it is in neither form. */
  static Optional<Duration> parse(String value, Instant now) {
    String text = value.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (isDigits(text)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // Too many digits for a long: not a delay anyone meant.
      }
    }
    try {
      Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, until);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
