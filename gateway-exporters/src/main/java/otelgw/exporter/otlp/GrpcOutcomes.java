package otelgw.exporter.otlp;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Optional;
import otelgw.core.error.GatewayException;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.error.ThrottledException;

/**
 * What a failed OTLP/gRPC call means for the data, as the OTLP specification says: {@code
 * CANCELLED}, {@code DEADLINE_EXCEEDED}, {@code ABORTED}, {@code OUT_OF_RANGE}, {@code UNAVAILABLE}
 * and {@code DATA_LOSS} are worth retrying; {@code RESOURCE_EXHAUSTED} only when the backend says
 * when, with a {@code google.rpc.RetryInfo}; every other code is permanent. A retryable status with
 * {@code RetryInfo} is throttled by the delay it names.
 */
final class GrpcOutcomes {

  private static final int MAX_DESCRIPTION = 200;

  private GrpcOutcomes() {}

  /** The failure a gRPC call's exception means, reading its status and any {@code RetryInfo}. */
  static GatewayException failure(Throwable error) {
    return failure(Status.fromThrowable(error), retryDelay(error));
  }

  /** The failure {@code status} means, given the delay its {@code RetryInfo} asked for, if any. */
  static GatewayException failure(Status status, Optional<Duration> retryDelay) {
    String message = describe(status);
    return switch (status.getCode()) {
      case CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS ->
          retryDelay
              .<GatewayException>map(delay -> new ThrottledException(message, delay))
              .orElseGet(() -> new RetryableException(message, status.getCause()));
      case RESOURCE_EXHAUSTED ->
          retryDelay
              .<GatewayException>map(delay -> new ThrottledException(message, delay))
              .orElseGet(() -> new PermanentException(message, status.getCause()));
      case UNKNOWN,
          INVALID_ARGUMENT,
          NOT_FOUND,
          ALREADY_EXISTS,
          PERMISSION_DENIED,
          FAILED_PRECONDITION,
          UNIMPLEMENTED,
          INTERNAL,
          UNAUTHENTICATED ->
          new PermanentException(message, status.getCause());
      case OK -> throw new IllegalArgumentException("OK is not a failure");
    };
  }

  /** The delay of the first {@code RetryInfo} detail of the error's status, not negative. */
  static Optional<Duration> retryDelay(Throwable error) {
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    if (status == null) {
      return Optional.empty();
    }
    for (Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          com.google.protobuf.Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
          Duration value = Duration.ofSeconds(delay.getSeconds(), delay.getNanos());
          return Optional.of(value.isNegative() ? Duration.ZERO : value);
        } catch (InvalidProtocolBufferException e) {
          return Optional.empty(); // A broken detail: retry on our own schedule.
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Says what happened without repeating request metadata. A status with a cause failed on our side
   * of the connection (refused, reset, TLS); one without came from the backend.
   */
  private static String describe(Status status) {
    String description =
        status.getDescription() == null ? "" : Causes.firstLine(status.getDescription());
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION) + "...";
    }
    String detail = description.isEmpty() ? "" : ": " + description;
    if (status.getCause() != null) {
      return "cannot reach the backend ("
          + status.getCode()
          + detail
          + "): "
          + Causes.rootMessage(status.getCause());
    }
    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "the backend did not answer in time (DEADLINE_EXCEEDED" + detail + ")";
    }
    return "backend answered " + status.getCode() + detail;
  }
}
