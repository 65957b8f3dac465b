package otelgw.receiver.otlp;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import java.io.EOFException;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.ZipException;
import org.slf4j.LoggerFactory;
import otelgw.config.Signal;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.error.RefusedException;
import otelgw.core.otlp.OtlpJsonException;
import otelgw.core.telemetry.ThrottledLog;

/**
 * A request the receiver did not take: the {@link Rejection} that sets its wire status, a message a
 * person can act on, and for a refusal the delay after which to retry. Messages never quote request
 * content.
 */
record ReceiverFailure(Rejection rejection, String message, Optional<Duration> retryAfter) {

  // A fault that hits every request must not log every request.
  private static final ThrottledLog unexpected =
      new ThrottledLog(LoggerFactory.getLogger(ReceiverFailure.class), Duration.ofMinutes(1));

  ReceiverFailure(Rejection rejection, String message) {
    this(rejection, message, Optional.empty());
  }

  /** Classifies what went wrong while decoding or publishing a request of {@code signal}. */
  static ReceiverFailure of(Throwable error, Signal signal) {
    if (error instanceof RefusedException refused) {
      return new ReceiverFailure(
          Rejection.REFUSED, refused.getMessage(), Optional.of(refused.retryDelay()));
    }
    if (error instanceof MalformedBatchException) {
      return new ReceiverFailure(
          Rejection.MALFORMED,
          "the body is not a valid OTLP "
              + signal.configName()
              + " export request in protobuf: "
              + error.getMessage());
    }
    if (error instanceof OtlpJsonException) {
      return new ReceiverFailure(
          Rejection.MALFORMED,
          "the body is not a valid OTLP/JSON "
              + signal.configName()
              + " export request: "
              + error.getMessage());
    }
    if (error instanceof BodyTooLargeException) {
      return new ReceiverFailure(Rejection.TOO_LARGE, error.getMessage());
    }
    if (error instanceof ZipException || error instanceof EOFException) {
      // The inflater's own words can describe the compressed bytes; keep to ours.
      return new ReceiverFailure(
          Rejection.MALFORMED,
          "the body is not valid for its Content-Encoding: corrupt or truncated");
    }
    unexpected.error(
        "unexpected failure handling an OTLP " + signal.configName() + " request", error);
    return new ReceiverFailure(
        Rejection.INTERNAL, "otelgw failed to handle the request; see its log");
  }

  /** The {@code google.rpc.Status} of this failure, with a {@code RetryInfo} if it has a delay. */
  com.google.rpc.Status toRpcStatus() {
    com.google.rpc.Status.Builder status = toRpcStatusWithoutDetails().toBuilder();
    retryAfter.ifPresent(
        delay ->
            status.addDetails(
                Any.pack(
                    RetryInfo.newBuilder()
                        .setRetryDelay(
                            com.google.protobuf.Duration.newBuilder()
                                .setSeconds(delay.getSeconds())
                                .setNanos(delay.getNano()))
                        .build())));
    return status.build();
  }

  /**
   * The {@code google.rpc.Status} with code and message only, for HTTP bodies: there the delay is
   * the {@code Retry-After} header, and OTLP/JSON has no form for {@code Any} details.
   */
  com.google.rpc.Status toRpcStatusWithoutDetails() {
    return com.google.rpc.Status.newBuilder()
        .setCode(rejection.grpcCode().value())
        .setMessage(message)
        .build();
  }

  /** The {@code Retry-After} header value: whole seconds, rounded up, at least 1. */
  Optional<String> retryAfterSeconds() {
    return retryAfter.map(d -> Long.toString(Math.max(1, (d.toMillis() + 999) / 1000)));
  }
}
