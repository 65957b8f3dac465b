package otelgw.core.processor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Processor;
import otelgw.core.processor.Processors;
import otelgw.core.processor.TestSink;

/**
 * Plants the same personal data in every place a request carries user data, in all three signals,
 * and checks that none of it survives redaction with every detector on, while the data around it
 * does.
 */
class RedactionCanaryTest {

  /** The values planted, each as a user might write it. */
  static final List<String> PII =
      List.of(
          "4111 1111 1111 1111",
          "jane.doe@example.com",
          "203.0.113.7",
          "2001:db8::1",
          ScannersTest.JWT,
          "Bearer abc.def",
          "123-45-6789",
          "DE89370400440532013000");

  /** What must not be left: the planted values, and the bearer token on its own. */
  static final List<String> SECRETS = Stream.concat(PII.stream(), Stream.of("abc.def")).toList();

  /** Every value at once, with plain words between them that must survive. */
  static final String SENTENCE =
      "card "
          + PII.get(0)
          + " mail "
          + PII.get(1)
          + " ip "
          + PII.get(2)
          + " v6 "
          + PII.get(3)
          + " jwt "
          + PII.get(4)
          + " auth "
          + PII.get(5)
          + " ssn "
          + PII.get(6)
          + " iban "
          + PII.get(7)
          + " end";

  static final String CONFIG =
      "allow_all_keys: true\n"
          + "detectors: [credit_card, email, ipv4, ipv6, jwt, bearer_token, us_ssn, iban]\n";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void noPlantedValueSurvivesInTraces() {
    Span span =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(new byte[16]))
            .setName("GET /users/" + PII.get(1))
            .addAllAttributes(pii("span"))
            .addEvents(Span.Event.newBuilder().setName(SENTENCE).addAllAttributes(pii("event")))
            .addLinks(Span.Link.newBuilder().addAllAttributes(pii("link")))
            .setStatus(Status.newBuilder().setMessage("failed for " + SENTENCE))
            .build();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAllAttributes(pii("resource")))
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .setScope(scope())
                            .addSpans(span)
                            .addSpans(span.toBuilder().setName("plain span"))))
            .build();

    ExportTraceServiceRequest out = redact(BatchType.TRACES, request);

    assertClean(out);
    Span redacted = out.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(redacted.getName()).isEqualTo("GET /users/****");
    assertThat(redacted.getStatus().getMessage()).startsWith("failed for card ****");
    assertThat(out.getResourceSpans(0).getScopeSpans(0).getSpans(1).getName())
        .isEqualTo("plain span");
  }

  @Test
  void noPlantedValueSurvivesInLogs() {
    AnyValue mapBody =
        AnyValue.newBuilder()
            .setKvlistValue(KeyValueList.newBuilder().addAllValues(pii("body")))
            .build();
    AnyValue arrayBody =
        AnyValue.newBuilder()
            .setArrayValue(
                ArrayValue.newBuilder()
                    .addAllValues(PII.stream().map(RedactionCanaryTest::string).toList())
                    .addValues(mapBody))
            .build();
    ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(scope());
    for (AnyValue body : List.of(string(SENTENCE), mapBody, arrayBody)) {
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setBody(body)
              .setEventName("login " + PII.get(1))
              .addAllAttributes(pii("log")));
    }
    ExportLogsServiceRequest request =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .setResource(Resource.newBuilder().addAllAttributes(pii("resource")))
                    .addScopeLogs(scope))
            .build();

    ExportLogsServiceRequest out = redact(BatchType.LOGS, request);

    assertClean(out);
    assertThat(out.getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getBody().getStringValue())
        .isEqualTo(
            "card **** mail **** ip **** v6 **** jwt **** auth Bearer **** ssn **** iban ****"
                + " end");
  }

  @Test
  void noPlantedValueSurvivesInMetrics() {
    Exemplar exemplar = Exemplar.newBuilder().addAllFilteredAttributes(pii("exemplar")).build();
    NumberDataPoint number =
        NumberDataPoint.newBuilder().addAllAttributes(pii("point")).addExemplars(exemplar).build();
    ScopeMetrics scope =
        ScopeMetrics.newBuilder()
            .setScope(scope())
            .addMetrics(
                Metric.newBuilder()
                    .setName("gauge")
                    .addAllMetadata(pii("metadata"))
                    .setGauge(Gauge.newBuilder().addDataPoints(number)))
            .addMetrics(
                Metric.newBuilder().setName("sum").setSum(Sum.newBuilder().addDataPoints(number)))
            .addMetrics(
                Metric.newBuilder()
                    .setName("histogram")
                    .setHistogram(
                        Histogram.newBuilder()
                            .addDataPoints(
                                HistogramDataPoint.newBuilder()
                                    .addAllAttributes(pii("point"))
                                    .addExemplars(exemplar))))
            .addMetrics(
                Metric.newBuilder()
                    .setName("exponential")
                    .setExponentialHistogram(
                        ExponentialHistogram.newBuilder()
                            .addDataPoints(
                                ExponentialHistogramDataPoint.newBuilder()
                                    .addAllAttributes(pii("point"))
                                    .addExemplars(exemplar))))
            .addMetrics(
                Metric.newBuilder()
                    .setName("summary")
                    .setSummary(
                        Summary.newBuilder()
                            .addDataPoints(
                                SummaryDataPoint.newBuilder().addAllAttributes(pii("point")))))
            .build();
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(Resource.newBuilder().addAllAttributes(pii("resource")))
                    .addScopeMetrics(scope))
            .build();

    ExportMetricsServiceRequest out = redact(BatchType.METRICS, request);

    assertClean(out);
    assertThat(out.getResourceMetrics(0).getScopeMetrics(0).getMetricsList())
        .extracting(Metric::getName)
        .containsExactly("gauge", "sum", "histogram", "exponential", "summary");
  }

  private <M extends Message, B extends Batch<M>> M redact(BatchType<M, B> type, M request) {
    TestSink<B> sink = new TestSink<>();
    Processor<B> processor = Processors.create(new RedactionFactory(), CONFIG, type, meters, sink);
    processor.consume(type.fromWire(request.toByteArray()));
    return sink.only().message();
  }

  /** None of the planted values is left, and every plain value and key is. */
  private static void assertClean(Message out) {
    String bytes = new String(out.toByteArray(), StandardCharsets.UTF_8);
    String text = out.toString();
    for (String value : SECRETS) {
      assertThat(bytes).as("serialized output").doesNotContain(value);
      assertThat(text).as("output").doesNotContain(value);
    }
    assertThat(text).contains("/api/orders/{id}", "checkout", "card ****", " end");
    for (String key : List.of("sentence", "email", "nested", "list", "plain", "card.int")) {
      assertThat(text).contains(key);
    }
  }

  /** Attributes holding the values: each alone, all in a sentence, nested in a map and a list. */
  private static List<KeyValue> pii(String where) {
    return List.of(
        attribute("plain", string("/api/orders/{id}")),
        attribute("service", string("checkout")),
        attribute("sentence", string(where + ": " + SENTENCE)),
        attribute("card", string(PII.get(0))),
        attribute("card.int", AnyValue.newBuilder().setIntValue(4111111111111111L).build()),
        attribute("email", string(PII.get(1))),
        attribute("ipv4", string(PII.get(2))),
        attribute("ipv6", string(PII.get(3))),
        attribute("jwt", string(PII.get(4))),
        attribute("authorization", string(PII.get(5))),
        attribute("ssn", string(PII.get(6))),
        attribute("iban", string(PII.get(7))),
        attribute(
            "nested",
            AnyValue.newBuilder()
                .setKvlistValue(
                    KeyValueList.newBuilder()
                        .addValues(attribute("deeper", string(SENTENCE)))
                        .addValues(
                            attribute(
                                "list",
                                AnyValue.newBuilder()
                                    .setArrayValue(
                                        ArrayValue.newBuilder()
                                            .addValues(string(PII.get(1)))
                                            .addValues(string(SENTENCE)))
                                    .build())))
                .build()));
  }

  private static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder()
        .setName("io.example.checkout")
        .addAllAttributes(pii("scope"))
        .build();
  }

  private static KeyValue attribute(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }
}
