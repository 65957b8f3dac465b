package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import otelgw.app.ClientExporters.Protocol;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;

/**
 * The canary: the same PII planted in every field an application can put it in, sent by the SDK's
 * own exporters through the running program with the redaction processor. The backend must receive
 * none of it, and everything else unchanged.
 */
class RedactionCanaryTest {

  private static final List<String> PII =
      List.of(
          "4111 1111 1111 1111",
          "jane.doe@example.com",
          "203.0.113.42",
          "2001:db8::8a2e:370:7334",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
          "Bearer abcDEF123token",
          "123-45-6789",
          "DE89370400440532013000");

  private static final String CANARY = String.join(" and ", PII);
  private static final String SAFE = "nothing to see here";

  @Test
  void noPlantedValueReachesTheBackend() throws Exception {
    try (OtlpBackend backend = OtlpBackend.start();
        RunningGateway gateway = RunningGateway.start(config(backend));
        ClientExporters client = new ClientExporters(gateway, Protocol.HTTP, "gzip")) {
      Resource resource =
          Resource.builder().put("service.name", "canary").put("host.owner", CANARY).build();

      assertThat(client.exportSpans(spans(resource))).isTrue();
      assertThat(client.exportLogs(logs(resource))).isTrue();
      assertThat(client.exportMetrics(metrics(resource))).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 2);
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.logRecordCount() == 3);
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.metricPointCount() == 1);
      for (OtlpSignal signal : OtlpSignal.values()) {
        String received =
            backend.rawRequestBodies(signal).stream()
                    .map(body -> body.toString(StandardCharsets.ISO_8859_1))
                    .reduce("", String::concat)
                + backend.requests(signal);
        for (String pii : PII) {
          assertThat(received).as(signal + " carries " + pii).doesNotContain(pii);
        }
        assertThat(received).as(signal + " keeps what is not PII").contains(SAFE);
      }
      assertThat(backend.spans()).extracting(s -> s.getName()).contains("checkout");
      assertThat(gateway.counter("otelgw.redaction.redactions")).isPositive();
    }
  }

  private static String config(OtlpBackend backend) {
    return """
        receivers:
          otlp:
            protocols:
              http:
                endpoint: 127.0.0.1:%HTTP_PORT%
        processors:
          redaction:
            allow_all_keys: true
            detectors: [credit_card, email, ipv4, ipv6, jwt, bearer_token, us_ssn, iban]
        exporters:
          otlp:
            endpoint: 127.0.0.1:BACKEND_PORT
            tls:
              insecure: true
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [redaction]
              exporters: [otlp]
            metrics:
              receivers: [otlp]
              processors: [redaction]
              exporters: [otlp]
            logs:
              receivers: [otlp]
              processors: [redaction]
              exporters: [otlp]
        """
        .replace("BACKEND_PORT", Integer.toString(backend.grpcPort()));
  }

  private static List<io.opentelemetry.sdk.trace.data.SpanData> spans(Resource resource) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(SimpleSpanProcessor.create(memory))
            .build()) {
      Tracer tracer = provider.get("canary");
      Span linked = tracer.spanBuilder("checkout").setAttribute("safe", SAFE).startSpan();
      linked.end();
      Span span =
          tracer
              .spanBuilder("charge " + CANARY)
              .addLink(
                  linked.getSpanContext(),
                  Attributes.of(AttributeKey.stringKey("link.note"), CANARY))
              .setAttribute("user.note", CANARY)
              .setAttribute(
                  AttributeKey.stringArrayKey("user.list"), List.of(PII.get(0), PII.get(1)))
              .setAttribute("safe", SAFE)
              .startSpan();
      span.addEvent("payment", Attributes.of(AttributeKey.stringKey("event.note"), CANARY));
      span.setStatus(StatusCode.ERROR, "failed for " + CANARY);
      span.end();
      return memory.getFinishedSpanItems();
    }
  }

  private static List<io.opentelemetry.sdk.logs.data.LogRecordData> logs(Resource resource) {
    InMemoryLogRecordExporter memory = InMemoryLogRecordExporter.create();
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(memory))
            .build()) {
      io.opentelemetry.api.logs.Logger logger = provider.get("canary");
      logger
          .logRecordBuilder()
          .setBody("string body " + CANARY)
          .setAttribute(AttributeKey.stringKey("safe"), SAFE)
          .emit();
      logger
          .logRecordBuilder()
          .setBody(
              Value.of(
                  Map.of(
                      "note", Value.of(CANARY),
                      "nested", Value.of(Map.of("deeper", Value.of(List.of(Value.of(CANARY))))))))
          .setAttribute(AttributeKey.stringKey("log.note"), CANARY)
          .emit();
      logger.logRecordBuilder().setBody(Value.of(List.of(Value.of(CANARY), Value.of(1.5)))).emit();
      return memory.getFinishedLogRecordItems();
    }
  }

  private static java.util.Collection<io.opentelemetry.sdk.metrics.data.MetricData> metrics(
      Resource resource) {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder().setResource(resource).registerMetricReader(reader).build()) {
      provider
          .get("canary")
          .counterBuilder("payments")
          .build()
          .add(
              1,
              Attributes.of(
                  AttributeKey.stringKey("payer"), CANARY, AttributeKey.stringKey("safe"), SAFE));
      return reader.collectAllMetrics();
    }
  }
}
