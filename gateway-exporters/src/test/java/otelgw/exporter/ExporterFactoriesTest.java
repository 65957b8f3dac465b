package otelgw.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import otelgw.config.ComponentId;
import otelgw.config.ComponentKind;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.Signal;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Stability;
import otelgw.exporter.debug.DebugExporterFactory;
import otelgw.exporter.otlp.OtlpGrpcExporterFactory;
import otelgw.exporter.otlp.OtlpHttpExporterFactory;

/** The contract every exporter factory keeps: identity, config and lifecycle. */
class ExporterFactoriesTest {

  static Stream<Arguments> factories() {
    return Stream.of(
        Arguments.of(
            new OtlpGrpcExporterFactory(), "otlp", Stability.BETA, "endpoint: 127.0.0.1:4317"),
        Arguments.of(
            new OtlpHttpExporterFactory(),
            "otlphttp",
            Stability.BETA,
            "endpoint: http://127.0.0.1:4318"),
        Arguments.of(new DebugExporterFactory(), "debug", Stability.DEVELOPMENT, "{}"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("factories")
  void identifiesItself(
      ExporterFactory<?> factory, String type, Stability stability, String minimalYaml) {
    assertThat(factory.type()).isEqualTo(type);
    assertThat(factory.kind()).isEqualTo(ComponentKind.EXPORTER);
    assertThat(factory.stability()).isEqualTo(stability);
    assertThat(factory.signals()).containsExactlyInAnyOrder(Signal.values());
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("factories")
  <C> void theMinimalConfigValidates(
      ExporterFactory<C> factory, String type, Stability stability, String minimalYaml) {
    ConfigProblems problems = new ConfigProblems();

    factory.parseConfig(ConfigNode.parse(minimalYaml, "exporters." + type, problems));

    assertThat(problems.all()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("factories")
  <C> void startsAndShutsDownTwice(
      ExporterFactory<C> factory, String type, Stability stability, String minimalYaml)
      throws Exception {
    Exporter exporter = create(factory, type, minimalYaml);
    for (Signal signal : Signal.values()) {
      BatchType<?, ?> batchType = BatchType.of(signal);
      assertThat(exporter.consumer(batchType)).isSameAs(exporter.consumer(batchType));
    }

    exporter.start();
    exporter.shutdown(Duration.ofSeconds(1));
    exporter.shutdown(Duration.ofSeconds(1));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("factories")
  <C> void shutsDownWithoutStart(
      ExporterFactory<C> factory, String type, Stability stability, String minimalYaml) {
    Exporter exporter = create(factory, type, minimalYaml);
    exporter.consumer(BatchType.TRACES);

    exporter.shutdown(Duration.ZERO);
    exporter.shutdown(Duration.ZERO);
  }

  private static <C> Exporter create(ExporterFactory<C> factory, String type, String yaml) {
    C config =
        factory.parseConfig(ConfigNode.parse(yaml, "exporters." + type, new ConfigProblems()));
    return factory.createExporter(
        new ExporterSettings(
            ComponentId.parse(type), Set.of(Signal.values()), new SimpleMeterRegistry()),
        config);
  }
}
