package otelgw.exporter.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import otelgw.config.Durations;
import otelgw.core.error.GatewayException;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.error.ThrottledException;
import otelgw.core.otlp.OtlpJson;
import otelgw.core.otlp.OtlpJsonException;

/**
 * What a failed OTLP/HTTP request means for the data, as the OTLP specification says: 429, 502, 503
 * and 504 are worth retrying (after the {@code Retry-After} delay when the backend gives one);
 * every other status that is not 2xx is permanent. A request that got no answer at all (refused,
 * reset, timed out) is retryable.
 */
final class HttpOutcomes {

  static final int MAX_MESSAGE = 200;

  private HttpOutcomes() {}

  static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  static boolean isRetryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * The failure a non-2xx answer means.
   *
   * @param retryAfter the {@code Retry-After} header, if the answer had one
   * @param contentType the answer's {@code Content-Type}, or empty
   * @param body the answer's body, possibly cut short; read for a message
   * @param now the time a {@code Retry-After} date is measured from
   */
  static GatewayException failure(
      int status, Optional<String> retryAfter, String contentType, byte[] body, Instant now) {
    String detail = message(contentType, body);
    String message = "backend answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
    if (!isRetryable(status)) {
      return new PermanentException(message);
    }
    Optional<Duration> delay = retryAfter.flatMap(value -> RetryAfter.parse(value, now));
    return delay.isPresent()
        ? new ThrottledException(message, delay.get())
        : new RetryableException(message);
  }

  /** The failure of a request that got no answer: always worth another try. */
  static RetryableException failure(IOException error, URI url, Duration timeout) {
    if (error instanceof HttpConnectTimeoutException) {
      return new RetryableException(
          "cannot connect to " + url + " within " + Durations.format(timeout), error);
    }
    if (error instanceof HttpTimeoutException) {
      return new RetryableException(
          "the backend did not answer within " + Durations.format(timeout), error);
    }
    String reason = Causes.rootMessage(error);
    if (error instanceof ConnectException) {
      return new RetryableException("cannot connect to " + url + ": " + reason, error);
    }
    return new RetryableException("request to " + url + " failed: " + reason, error);
  }

  /**
   * The explanation in an error body: the message of a {@code google.rpc.Status}, as OTLP/HTTP
   * sends in protobuf or JSON, or the start of a text body, as a proxy in between might send.
   */
  static String message(String contentType, byte[] body) {
    if (body.length == 0) {
      return "";
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    String text;
    if (type.startsWith("application/x-protobuf")) {
      try {
        text = com.google.rpc.Status.parseFrom(body).getMessage();
      } catch (InvalidProtocolBufferException e) {
        return "";
      }
    } else if (type.startsWith("application/json")) {
      try {
        text = OtlpJson.decode(body, com.google.rpc.Status.getDefaultInstance()).getMessage();
      } catch (OtlpJsonException e) {
        text = new String(body, StandardCharsets.UTF_8); // JSON, but not a Status
      }
    } else if (type.startsWith("text/")) {
      text = new String(body, StandardCharsets.UTF_8);
    } else {
      return "";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "..." : oneLine;
  }
}
