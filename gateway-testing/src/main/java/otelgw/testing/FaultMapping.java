package otelgw.testing;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import java.time.Duration;

/**
 * Translates between HTTP statuses and gRPC codes, and renders a {@link Fault.Reject} as the {@code
 * google.rpc.Status} both OTLP transports carry. The tables keep the OTLP retry decision the same
 * on both sides: retryable maps to retryable, permanent to permanent.
 */
final class FaultMapping {

  private FaultMapping() {}

  static Status.Code grpcCodeFor(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> Status.Code.INVALID_ARGUMENT;
      case 401 -> Status.Code.UNAUTHENTICATED;
      case 403 -> Status.Code.PERMISSION_DENIED;
      case 404 -> Status.Code.NOT_FOUND;
      case 409 -> Status.Code.ALREADY_EXISTS;
      case 429 -> Status.Code.RESOURCE_EXHAUSTED;
      case 501 -> Status.Code.UNIMPLEMENTED;
      case 502, 503, 504 -> Status.Code.UNAVAILABLE;
      default -> httpStatus < 500 ? Status.Code.FAILED_PRECONDITION : Status.Code.INTERNAL;
    };
  }

  static int httpStatusFor(Status.Code code) {
    return switch (code) {
      case OK -> throw new IllegalArgumentException("OK is not a fault");
      case INVALID_ARGUMENT, FAILED_PRECONDITION -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case DEADLINE_EXCEEDED -> 504;
      // Retryable in OTLP/gRPC, so they must be retryable over HTTP too.
      case UNAVAILABLE, CANCELLED, ABORTED, OUT_OF_RANGE, DATA_LOSS -> 503;
      case UNKNOWN, INTERNAL -> 500;
    };
  }

  static com.google.rpc.Status rpcStatus(Fault.Reject reject) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(reject.grpcCode().value())
            .setMessage(reject.message());
    reject.retryAfter().ifPresent(delay -> status.addDetails(Any.pack(retryInfo(delay))));
    return status.build();
  }

  /** Whole seconds, rounded up, because {@code Retry-After} cannot say less than one second. */
  static String retryAfterHeader(Duration delay) {
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Long.toString(seconds);
  }

  private static RetryInfo retryInfo(Duration delay) {
    return RetryInfo.newBuilder()
        .setRetryDelay(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(delay.getSeconds())
                .setNanos(delay.getNano()))
        .build();
  }
}
