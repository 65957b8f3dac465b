package otelgw.testing;

import io.grpc.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the {@link OtlpBackend} does to a request instead of simply accepting it. A fault is
 * transport-neutral: each one says how it looks over OTLP/gRPC and over OTLP/HTTP, so the same test
 * can run against either exporter.
 *
 * <p>Faults are immutable values; install them with {@link OtlpBackend#setFault(Fault)} or {@link
 * OtlpBackend#failNext(int, Fault)}.
 */
public sealed interface Fault permits Fault.Reject, Fault.Slow, Fault.PartialSuccess {

  /**
   * Answers with an error and does not store the request. Over HTTP the answer is {@code
   * httpStatus} with a {@code google.rpc.Status} protobuf body and, when {@code retryAfter} is
   * present, a {@code Retry-After} header in whole seconds (rounded up). Over gRPC it is {@code
   * grpcCode} carrying a {@code google.rpc.RetryInfo} detail when {@code retryAfter} is present.
   *
   * @param httpStatus a 4xx or 5xx status
   * @param grpcCode any code but {@code OK}
   * @param retryAfter the delay the backend asks the client to wait; not negative
   * @param message the error message sent to the client
   */
  record Reject(int httpStatus, Status.Code grpcCode, Optional<Duration> retryAfter, String message)
      implements Fault {
    public Reject {
      if (httpStatus < 400 || httpStatus > 599) {
        throw new IllegalArgumentException("httpStatus must be 4xx or 5xx: " + httpStatus);
      }
      if (Objects.requireNonNull(grpcCode, "grpcCode") == Status.Code.OK) {
        throw new IllegalArgumentException("grpcCode must not be OK");
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.filter(Duration::isNegative).isPresent()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter.get());
      }
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Waits {@code delay} before handling the request normally (it is then stored and answered OK). A
   * client that gives up during the delay may still find its request stored, as with a real
   * backend. Stopping or closing the backend ends the wait at once and the request is dropped.
   *
   * @param delay positive
   */
  record Slow(Duration delay) implements Fault {
    public Slow {
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("delay must be positive: " + delay);
      }
    }
  }

  /**
   * Stores the whole request but answers OK with {@code partial_success} claiming {@code rejected}
   * items (spans, data points or log records) were refused.
   *
   * @param rejected not negative; zero with a message is a warning, as OTLP allows
   * @param message the {@code error_message} sent to the client
   */
  record PartialSuccess(long rejected, String message) implements Fault {
    public PartialSuccess {
      if (rejected < 0) {
        throw new IllegalArgumentException("rejected must not be negative: " + rejected);
      }
      Objects.requireNonNull(message, "message");
    }
  }

  /** gRPC {@code UNAVAILABLE} / HTTP 503, without a retry delay: a backend that refuses work. */
  static Reject unavailable() {
    return grpcStatus(Status.Code.UNAVAILABLE, Optional.empty());
  }

  /** gRPC {@code UNAVAILABLE} with {@code RetryInfo} / HTTP 503 with {@code Retry-After}. */
  static Reject unavailable(Duration retryAfter) {
    return grpcStatus(Status.Code.UNAVAILABLE, Optional.of(retryAfter));
  }

  /** gRPC {@code RESOURCE_EXHAUSTED} with {@code RetryInfo} / HTTP 429 with {@code Retry-After}. */
  static Reject throttled(Duration retryAfter) {
    return grpcStatus(Status.Code.RESOURCE_EXHAUSTED, Optional.of(retryAfter));
  }

  /** gRPC {@code INVALID_ARGUMENT} / HTTP 400: a permanent error that must not be retried. */
  static Reject badRequest() {
    return grpcStatus(Status.Code.INVALID_ARGUMENT, Optional.empty());
  }

  /**
   * An error given by its HTTP status; the gRPC code is the one with the same retry meaning in OTLP
   * (429 → {@code RESOURCE_EXHAUSTED}, 502/503/504 → {@code UNAVAILABLE}, 400 → {@code
   * INVALID_ARGUMENT}, other 5xx → {@code INTERNAL}, ...).
   */
  static Reject status(int httpStatus, Optional<Duration> retryAfter) {
    return new Reject(
        httpStatus,
        FaultMapping.grpcCodeFor(httpStatus),
        retryAfter,
        "injected fault: HTTP " + httpStatus);
  }

  /**
   * An error given by its gRPC code; the HTTP status is the one with the same retry meaning in OTLP
   * ({@code UNAVAILABLE} → 503, {@code RESOURCE_EXHAUSTED} → 429, {@code INVALID_ARGUMENT} → 400,
   * {@code INTERNAL} → 500, ...).
   */
  static Reject grpcStatus(Status.Code grpcCode, Optional<Duration> retryAfter) {
    return new Reject(
        FaultMapping.httpStatusFor(grpcCode), grpcCode, retryAfter, "injected fault: " + grpcCode);
  }

  /** Delays the answer by {@code delay}; see {@link Slow}. */
  static Slow slow(Duration delay) {
    return new Slow(delay);
  }

  /** Accepts the request but reports {@code rejected} items refused; see {@link PartialSuccess}. */
  static PartialSuccess partialSuccess(long rejected, String message) {
    return new PartialSuccess(rejected, message);
  }
}
