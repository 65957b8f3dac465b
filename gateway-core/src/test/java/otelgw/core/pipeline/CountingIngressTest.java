package otelgw.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.RefusedException;
import otelgw.core.error.RefusedException.Reason;
import otelgw.core.telemetry.MetricNames;

class CountingIngressTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  // What the pipelines answer: null takes the batch, a reason refuses it.
  private final AtomicReference<Reason> refuseWith = new AtomicReference<>();
  private final CountingIngress<TraceBatch> ingress =
      new CountingIngress<>(
          batch -> {
            Reason reason = refuseWith.get();
            if (reason != null) {
              throw RefusedException.of(reason);
            }
          },
          ComponentId.parse("otlp"),
          "grpc",
          Signal.TRACES,
          meters);

  private void publish(int spans, Reason reason) {
    refuseWith.set(reason);
    TraceBatch batch = TestBatches.traceBatch("svc", spans);
    if (reason == null) {
      try {
        ingress.publish(batch);
      } catch (RefusedException e) {
        throw new AssertionError(e);
      }
    } else {
      assertThatThrownBy(() -> ingress.publish(batch)).isSameAs(RefusedException.of(reason));
    }
  }

  private double refused(String reason) {
    return meters
        .get(MetricNames.receiverRefusedByReason(Signal.TRACES))
        .tags("receiver", "otlp", "transport", "grpc", "reason", reason)
        .counter()
        .count();
  }

  @Test
  void refusedItemsAreCountedByReasonAsWellAsUnderTheCollectorsName() {
    publish(3, null);
    publish(5, Reason.MEMORY_LIMIT);
    publish(7, Reason.PIPELINE_FULL);
    publish(2, Reason.MEMORY_LIMIT);

    assertThat(refused("memory_limit")).isEqualTo(7);
    assertThat(refused("pipeline_full")).isEqualTo(7);
    assertThat(refused("shutting_down")).isZero(); // registered up front: shows as 0
    assertThat(
            meters
                .get(MetricNames.receiverRefused(Signal.TRACES))
                .tags("receiver", "otlp", "transport", "grpc")
                .counter()
                .count())
        .isEqualTo(14);
    assertThat(meters.get(MetricNames.receiverAccepted(Signal.TRACES)).counter().count())
        .isEqualTo(3);
  }

  @Test
  void theCollectorsRefusedMetricKeepsItsFixedLabels() {
    publish(1, Reason.PIPELINE_FULL);

    assertThat(meters.get(MetricNames.receiverRefused(Signal.TRACES)).counter().getId().getTags())
        .extracting(tag -> tag.getKey())
        .containsExactlyInAnyOrder("receiver", "transport");
  }
}
