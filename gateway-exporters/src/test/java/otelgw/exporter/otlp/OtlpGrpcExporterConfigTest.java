package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.TlsClientSettings;

class OtlpGrpcExporterConfigTest {

  private final ConfigProblems problems = new ConfigProblems();
  private final OtlpGrpcExporterFactory factory = new OtlpGrpcExporterFactory();

  @Test
  void defaultsAreTheCollectors() {
    OtlpGrpcExporterConfig config = parse("endpoint: collector:4317");

    assertThat(problems.all()).isEmpty();
    assertThat(config.endpoint()).isEqualTo("collector:4317");
    assertThat(config.headers()).isEmpty();
    assertThat(config.compression()).isEqualTo(Compression.GZIP);
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.tls()).isEqualTo(TlsClientSettings.defaults());
    assertThat(config.queue()).contains(QueueSettings.defaults());
    assertThat(config.retry()).contains(RetrySettings.defaults());
    assertThat(config.target()).isEqualTo(new GrpcTarget("collector", 4317, false));
  }

  @Test
  void readsEveryKey() {
    OtlpGrpcExporterConfig config =
        parse(
            """
            endpoint: http://collector:4317
            headers: { Authorization: "Bearer s3cret", x-tenant: acme }
            compression: none
            timeout: 750ms
            tls: { insecure: true }
            sending_queue: { enabled: false }
            retry_on_failure: { initial_interval: 10ms, max_interval: 20ms }
            """);

    assertThat(problems.all()).isEmpty();
    assertThat(config.headers())
        .containsExactly(
            Map.entry("Authorization", "Bearer s3cret"), Map.entry("x-tenant", "acme"));
    assertThat(config.compression()).isEqualTo(Compression.NONE);
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(config.tls().insecure()).isTrue();
    assertThat(config.queue()).isEmpty();
    assertThat(config.retry().get().initialInterval()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void theEndpointIsRequired() {
    parse("timeout: 1s");

    assertThat(problems.all())
        .extracting(ConfigProblem::path, ConfigProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "exporters.otlp.endpoint", "'endpoint' is required"));
  }

  @Test
  void aBadEndpointIsReported() {
    parse("endpoint: collector");

    assertThat(single().path()).isEqualTo("exporters.otlp.endpoint");
    assertThat(single().message()).contains("'collector' is not an endpoint");
  }

  @Test
  void anUnknownKeyNamesItsPathAndTheKeyMeant() {
    parse(
        """
        endpoint: collector:4317
        retry_on_failure: { initial_intervall: 1s }
        """);

    assertThat(single().path()).isEqualTo("exporters.otlp.retry_on_failure.initial_intervall");
    assertThat(single().message())
        .isEqualTo("unknown key 'initial_intervall' (did you mean 'initial_interval'?)");
  }

  @Test
  void aTypoAtTheTopSuggestsTheKey() {
    parse("endpoint: a:1\ncompresion: gzip");

    assertThat(single().path()).isEqualTo("exporters.otlp.compresion");
    assertThat(single().message()).contains("did you mean 'compression'?");
  }

  @Test
  void compressionsNotYetImplementedSaySo() {
    parse("endpoint: a:1\ncompression: zstd");

    assertThat(single().path()).isEqualTo("exporters.otlp.compression");
    assertThat(single().message())
        .isEqualTo("'zstd' compression is not supported yet: use gzip or none");
  }

  @Test
  void aZeroTimeoutIsAnError() {
    parse("endpoint: a:1\ntimeout: 0s");

    assertThat(single().path()).isEqualTo("exporters.otlp.timeout");
  }

  @Test
  void headerNamesMustBeValidMetadata() {
    parse("endpoint: a:1\nheaders: { 'bad name': x, token-bin: y }");

    assertThat(problems.all())
        .extracting(ConfigProblem::message)
        .containsExactlyInAnyOrder(
            "header 'bad name' is not a valid gRPC metadata name",
            "header 'token-bin': binary ('-bin') metadata is not supported");
  }

  @Test
  void headerValuesNeverShowInToString() {
    OtlpGrpcExporterConfig config = parse("endpoint: a:1\nheaders: { Authorization: s3cret }");

    assertThat(config.toString()).contains("Authorization=***").doesNotContain("s3cret");
  }

  private OtlpGrpcExporterConfig parse(String yaml) {
    return factory.parseConfig(ConfigNode.parse(yaml, "exporters.otlp", problems));
  }

  private ConfigProblem single() {
    assertThat(problems.all()).hasSize(1);
    return problems.all().get(0);
  }
}
