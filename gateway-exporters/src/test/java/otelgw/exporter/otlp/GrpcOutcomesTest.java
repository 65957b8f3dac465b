package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.ConnectException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import otelgw.core.error.GatewayException;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.error.ThrottledException;

class GrpcOutcomesTest {

  enum Kind {
    PERMANENT,
    RETRYABLE,
    THROTTLED
  }

  /** Every code but OK: what it means without, and with, a RetryInfo detail. */
  private static final Map<Status.Code, List<Kind>> TABLE =
      Map.ofEntries(
          Map.entry(Status.Code.CANCELLED, List.of(Kind.RETRYABLE, Kind.THROTTLED)),
          Map.entry(Status.Code.UNKNOWN, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.INVALID_ARGUMENT, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.DEADLINE_EXCEEDED, List.of(Kind.RETRYABLE, Kind.THROTTLED)),
          Map.entry(Status.Code.NOT_FOUND, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.ALREADY_EXISTS, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.PERMISSION_DENIED, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.RESOURCE_EXHAUSTED, List.of(Kind.PERMANENT, Kind.THROTTLED)),
          Map.entry(Status.Code.FAILED_PRECONDITION, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.ABORTED, List.of(Kind.RETRYABLE, Kind.THROTTLED)),
          Map.entry(Status.Code.OUT_OF_RANGE, List.of(Kind.RETRYABLE, Kind.THROTTLED)),
          Map.entry(Status.Code.UNIMPLEMENTED, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.INTERNAL, List.of(Kind.PERMANENT, Kind.PERMANENT)),
          Map.entry(Status.Code.UNAVAILABLE, List.of(Kind.RETRYABLE, Kind.THROTTLED)),
          Map.entry(Status.Code.DATA_LOSS, List.of(Kind.RETRYABLE, Kind.THROTTLED)),
          Map.entry(Status.Code.UNAUTHENTICATED, List.of(Kind.PERMANENT, Kind.PERMANENT)));

  static Stream<Arguments> table() {
    return TABLE.entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue().get(0), e.getValue().get(1)));
  }

  @Test
  void tableCoversEveryCodeButOk() {
    assertThat(TABLE.keySet())
        .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Status.Code.OK)));
  }

  @ParameterizedTest(name = "{0}: {1}, with RetryInfo {2}")
  @MethodSource("table")
  void classifiesEveryCode(Status.Code code, Kind plain, Kind withRetryInfo) {
    GatewayException withoutDelay = GrpcOutcomes.failure(error(code, Optional.empty()));
    GatewayException withDelay =
        GrpcOutcomes.failure(error(code, Optional.of(Duration.ofSeconds(7))));

    assertThat(kind(withoutDelay)).isEqualTo(plain);
    assertThat(kind(withDelay)).isEqualTo(withRetryInfo);
    if (withDelay instanceof ThrottledException throttled) {
      assertThat(throttled.delay()).isEqualTo(Duration.ofSeconds(7));
    }
    assertThat(withoutDelay).hasMessageContaining(code + ": went wrong");
  }

  @Test
  void retryInfoKeepsNanosAndANegativeDelayMeansNoWait() {
    assertThat(
            GrpcOutcomes.retryDelay(
                error(Status.Code.UNAVAILABLE, Optional.of(Duration.ofMillis(1500)))))
        .contains(Duration.ofMillis(1500));
    assertThat(
            GrpcOutcomes.retryDelay(
                error(Status.Code.UNAVAILABLE, Optional.of(Duration.ofSeconds(-3)))))
        .contains(Duration.ZERO);
    assertThat(GrpcOutcomes.retryDelay(Status.UNAVAILABLE.asRuntimeException())).isEmpty();
  }

  @Test
  void aFailureOnOurSideSaysTheBackendWasNotReached() {
    StatusRuntimeException refused =
        Status.UNAVAILABLE
            .withDescription("io exception")
            .withCause(new ConnectException("Connection refused: /127.0.0.1:4317"))
            .asRuntimeException();

    GatewayException failure = GrpcOutcomes.failure(refused);

    assertThat(failure).isInstanceOf(RetryableException.class);
    assertThat(failure)
        .hasMessage(
            "cannot reach the backend (UNAVAILABLE: io exception): "
                + "Connection refused: /127.0.0.1:4317");
  }

  @Test
  void aMissedDeadlineSaysSo() {
    GatewayException failure =
        GrpcOutcomes.failure(
            Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 5s").asException());

    assertThat(failure)
        .isInstanceOf(RetryableException.class)
        .hasMessage(
            "the backend did not answer in time (DEADLINE_EXCEEDED: deadline exceeded after 5s)");
  }

  @Test
  void aLongDescriptionIsCut() {
    GatewayException failure =
        GrpcOutcomes.failure(Status.INTERNAL.withDescription("x".repeat(1000)), Optional.empty());

    assertThat(failure.getMessage()).hasSizeLessThan(250).endsWith("...");
  }

  @Test
  void okIsNotAFailure() {
    assertThatThrownBy(() -> GrpcOutcomes.failure(Status.OK, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StatusRuntimeException error(Status.Code code, Optional<Duration> delay) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage("went wrong");
    delay.ifPresent(
        d ->
            status.addDetails(
                Any.pack(
                    RetryInfo.newBuilder()
                        .setRetryDelay(
                            com.google.protobuf.Duration.newBuilder()
                                .setSeconds(d.getSeconds())
                                .setNanos(d.getNano()))
                        .build())));
    return StatusProto.toStatusRuntimeException(status.build());
  }

  private static Kind kind(GatewayException failure) {
    if (failure instanceof PermanentException) {
      return Kind.PERMANENT;
    }
    if (failure instanceof ThrottledException) {
      return Kind.THROTTLED;
    }
    assertThat(failure).isInstanceOf(RetryableException.class);
    return Kind.RETRYABLE;
  }
}
