package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComponentIdTest {

  @Test
  void parsesTypeAndName() {
    assertThat(ComponentId.parse("otlp")).isEqualTo(new ComponentId("otlp", ""));
    assertThat(ComponentId.parse("otlp/backend")).isEqualTo(new ComponentId("otlp", "backend"));
    assertThat(ComponentId.parse("otlphttp/eu.prod-1").name()).isEqualTo("eu.prod-1");
    assertThat(ComponentId.parse("otlp/backend")).hasToString("otlp/backend");
    assertThat(ComponentId.parse("debug")).hasToString("debug");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1otlp", "ot-lp", "/name", "otlp/", "otlp/a b", "otlp/a/b"})
  void rejectsMalformedIds(String id) {
    assertThatThrownBy(() -> ComponentId.parse(id)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pipelineIdsNameASignal() {
    assertThat(PipelineId.parse("traces")).isEqualTo(new PipelineId(Signal.TRACES, ""));
    assertThat(PipelineId.parse("metrics/internal"))
        .isEqualTo(new PipelineId(Signal.METRICS, "internal"));
    assertThat(PipelineId.parse("logs/a")).hasToString("logs/a");
    assertThatThrownBy(() -> PipelineId.parse("trace"))
        .hasMessage("'trace' is not a signal: use traces, metrics or logs");
  }
}
