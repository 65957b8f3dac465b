package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.Signal;

class OtlpHttpExporterConfigTest {

  private final ConfigProblems problems = new ConfigProblems();
  private final OtlpHttpExporterFactory factory = new OtlpHttpExporterFactory();

  @Test
  void defaultsAreTheCollectors() {
    OtlpHttpExporterConfig config = parse("endpoint: https://ingress.example.com");

    assertThat(problems.all()).isEmpty();
    assertThat(config.encoding()).isEqualTo(Encoding.PROTO);
    assertThat(config.compression()).isEqualTo(Compression.GZIP);
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.headers()).isEmpty();
    assertThat(config.queue()).contains(QueueSettings.defaults());
    assertThat(config.retry()).contains(RetrySettings.defaults());
  }

  @Test
  void signalUrlsAreJoinedToTheEndpointAsTheCollectorDoes() {
    OtlpHttpExporterConfig config = parse("endpoint: https://ingress.example.com/otlp/");

    assertThat(config.url(Signal.TRACES))
        .isEqualTo(URI.create("https://ingress.example.com/otlp/v1/traces"));
    assertThat(config.url(Signal.METRICS))
        .isEqualTo(URI.create("https://ingress.example.com/otlp/v1/metrics"));
    assertThat(parse("endpoint: http://h:4318").url(Signal.LOGS))
        .isEqualTo(URI.create("http://h:4318/v1/logs"));
  }

  @Test
  void aSignalsOwnEndpointReplacesTheJoinedOne() {
    OtlpHttpExporterConfig config =
        parse(
            """
            endpoint: http://h:4318
            traces_endpoint: http://tempo:4318/api/traces
            """);

    assertThat(config.url(Signal.TRACES)).isEqualTo(URI.create("http://tempo:4318/api/traces"));
    assertThat(config.url(Signal.METRICS)).isEqualTo(URI.create("http://h:4318/v1/metrics"));
  }

  @Test
  void theEndpointMayBeLeftOutWhenEverySignalHasItsOwn() {
    parse(
        """
        traces_endpoint: http://a/t
        metrics_endpoint: http://a/m
        logs_endpoint: http://a/l
        """);

    assertThat(problems.all()).isEmpty();
  }

  @Test
  void otherwiseTheEndpointIsRequired() {
    parse("traces_endpoint: http://a/t");

    assertThat(single().path()).isEqualTo("exporters.otlphttp.endpoint");
    assertThat(single().message()).startsWith("'endpoint' is required");
  }

  @Test
  void urlsMustBeHttpOrHttps() {
    parse("endpoint: collector:4318\nlogs_endpoint: ftp://x/l");

    assertThat(problems.all())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "exporters.otlphttp.endpoint", "exporters.otlphttp.logs_endpoint");
  }

  @Test
  void aUrlErrorDoesNotQuoteThePasswordInIt() {
    parse("endpoint: ftp://user:s3cr3t@ingress.example.com");

    assertThat(problems.all())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "exporters.otlphttp.endpoint (line 1): 'ftp://user:***@ingress.example.com' is not a"
                + " URL: use"
                + " http://host:port or https://host:port");
  }

  @Test
  void jsonIsAnEncoding() {
    assertThat(parse("endpoint: http://a\nencoding: json").encoding()).isEqualTo(Encoding.JSON);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void anUnknownEncodingIsReported() {
    parse("endpoint: http://a\nencoding: xml");

    assertThat(single().path()).isEqualTo("exporters.otlphttp.encoding");
    assertThat(single().message()).isEqualTo("expected one of proto, json, got 'xml'");
  }

  @Test
  void headersTheHttpClientSetsCannotBeConfigured() {
    parse("endpoint: http://a\nheaders: { Host: evil, Content-Length: '3' }");

    assertThat(problems.all()).hasSize(2);
    assertThat(problems.all()).allSatisfy(p -> assertThat(p.message()).doesNotContain("evil"));
  }

  @Test
  void anUnknownKeyNamesItsPathAndTheKeyMeant() {
    parse("endpoint: http://a\nsending_queue: { queue_sise: 10 }");

    assertThat(single().path()).isEqualTo("exporters.otlphttp.sending_queue.queue_sise");
    assertThat(single().message()).contains("did you mean 'queue_size'?");
  }

  @Test
  void headerValuesNeverShowInToString() {
    OtlpHttpExporterConfig config = parse("endpoint: http://a\nheaders: { Authorization: s3cret }");

    assertThat(config.toString()).contains("Authorization=***").doesNotContain("s3cret");
  }

  private OtlpHttpExporterConfig parse(String yaml) {
    return factory.parseConfig(ConfigNode.parse(yaml, "exporters.otlphttp", problems));
  }

  private ConfigProblem single() {
    assertThat(problems.all()).hasSize(1);
    return problems.all().get(0);
  }
}
