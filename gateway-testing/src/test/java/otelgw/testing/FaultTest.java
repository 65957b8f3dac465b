package otelgw.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void factoriesPairTheCodesWithTheSameRetryMeaning() {
    assertThat(Fault.unavailable()).extracting(Fault.Reject::httpStatus).isEqualTo(503);
    assertThat(Fault.throttled(Duration.ofSeconds(1)).httpStatus()).isEqualTo(429);
    assertThat(Fault.badRequest().grpcCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(Fault.status(429, Optional.empty()).grpcCode())
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(Fault.status(504, Optional.empty()).grpcCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(Fault.status(500, Optional.empty()).grpcCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(Fault.status(418, Optional.empty()).grpcCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(Fault.grpcStatus(Status.Code.DEADLINE_EXCEEDED, Optional.empty()).httpStatus())
        .isEqualTo(504);
    assertThat(Fault.grpcStatus(Status.Code.ABORTED, Optional.empty()).httpStatus()).isEqualTo(503);
    assertThat(Fault.grpcStatus(Status.Code.UNAUTHENTICATED, Optional.empty()).httpStatus())
        .isEqualTo(401);
  }

  @Test
  void everyGrpcCodeButOkHasAnHttpStatus() {
    for (Status.Code code : Status.Code.values()) {
      if (code != Status.Code.OK) {
        assertThat(FaultMapping.httpStatusFor(code)).isBetween(400, 599);
      }
    }
  }

  @Test
  void invalidFaultsAreRefusedAtOnce() {
    assertThatThrownBy(() -> Fault.status(200, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
    assertThatThrownBy(() -> Fault.grpcStatus(Status.Code.OK, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.unavailable(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.slow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.partialSuccess(-1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    assertThat(FaultMapping.retryAfterHeader(Duration.ZERO)).isEqualTo("0");
    assertThat(FaultMapping.retryAfterHeader(Duration.ofMillis(1))).isEqualTo("1");
    assertThat(FaultMapping.retryAfterHeader(Duration.ofSeconds(3))).isEqualTo("3");
    assertThat(FaultMapping.retryAfterHeader(Duration.ofMillis(3001))).isEqualTo("4");
  }

  @Test
  void scheduleServesQueuedFaultsInOrderThenTheStandingOne() {
    FaultSchedule schedule = new FaultSchedule();
    Fault first = Fault.unavailable();
    Fault second = Fault.badRequest();
    Fault standing = Fault.slow(Duration.ofMillis(1));
    schedule.setStanding(standing);
    schedule.failNext(2, first);
    schedule.failNext(1, second);

    assertThat(schedule.next()).contains(first);
    assertThat(schedule.next()).contains(first);
    assertThat(schedule.next()).contains(second);
    assertThat(schedule.next()).contains(standing);
    schedule.clear();
    assertThat(schedule.next()).isEmpty();
  }
}
