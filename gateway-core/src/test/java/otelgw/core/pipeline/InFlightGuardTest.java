package otelgw.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import otelgw.core.batch.Ticket;
import otelgw.core.error.RefusedException;

class InFlightGuardTest {

  @Test
  void refusesAboveItsLimitUntilDataIsDelivered() throws Exception {
    InFlightGuard guard = new InFlightGuard(100);
    Ticket first = guard.admit(60);
    Ticket second = guard.admit(40);

    assertThatThrownBy(() -> guard.admit(1))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.MEMORY_LIMIT));
    assertThat(guard.inFlightBytes()).isEqualTo(100);

    first.release();
    guard.admit(50).release();
    second.release();
    assertThat(guard.inFlightBytes()).isZero();
  }

  @Test
  void aLoneRequestLargerThanTheLimitIsLetIn() throws Exception {
    InFlightGuard guard = new InFlightGuard(100);

    Ticket big = guard.admit(500);

    assertThat(guard.refusing()).isTrue();
    assertThatThrownBy(() -> guard.admit(1)).isInstanceOf(RefusedException.class);
    big.release();
    assertThat(guard.refusing()).isFalse();
  }
}
