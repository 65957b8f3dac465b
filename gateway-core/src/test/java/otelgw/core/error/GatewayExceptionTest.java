package otelgw.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayExceptionTest {

  @Test
  void refusalsArePreallocatedPerReason() {
    for (RefusedException.Reason reason : RefusedException.Reason.values()) {
      RefusedException refused = RefusedException.of(reason);
      assertThat(RefusedException.of(reason)).isSameAs(refused);
      assertThat(refused.reason()).isEqualTo(reason);
      assertThat(refused.retryDelay()).isEqualTo(RefusedException.DEFAULT_RETRY_DELAY);
    }
    assertThat(RefusedException.of(RefusedException.Reason.PIPELINE_FULL))
        .hasMessage("the pipeline is full; retry later");
  }

  @Test
  void reasonLabelsAreLowerCase() {
    assertThat(RefusedException.Reason.PIPELINE_FULL.label()).isEqualTo("pipeline_full");
    assertThat(RefusedException.Reason.MEMORY_LIMIT.label()).isEqualTo("memory_limit");
    assertThat(RefusedException.Reason.SHUTTING_DOWN.label()).isEqualTo("shutting_down");
  }

  @Test
  void exceptionsAreStacklessAndKeepTheirCause() {
    IllegalStateException cause = new IllegalStateException("boom");

    GatewayException[] all = {
      new PermanentException("bad data", cause),
      new RetryableException("down", cause),
      new ThrottledException("slow down", Duration.ofSeconds(3)),
      RefusedException.of(RefusedException.Reason.MEMORY_LIMIT)
    };

    for (GatewayException e : all) {
      assertThat(e.getStackTrace()).isEmpty();
    }
    assertThat(all[0]).hasCause(cause).hasMessage("bad data");
    assertThat(all[1]).hasCause(cause).hasMessage("down");
    assertThat(new PermanentException("x").getCause()).isNull();
    assertThat(new RetryableException("x").getCause()).isNull();
  }

  @Test
  void throttlingCarriesItsDelay() {
    assertThat(new ThrottledException("slow down", Duration.ofSeconds(3)).delay()).hasSeconds(3);
    assertThatThrownBy(() -> new ThrottledException("no delay", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("delay");
  }
}
