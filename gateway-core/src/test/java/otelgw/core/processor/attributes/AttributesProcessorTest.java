package otelgw.core.processor.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.LogBatch;
import otelgw.core.batch.MetricBatch;
import otelgw.core.batch.TraceBatch;
import otelgw.core.processor.Processors;
import otelgw.core.processor.TestSink;

class AttributesProcessorTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void insertUpdateAndUpsertApplyWhereTheCollectorsDo() {
    Map<String, Object> out =
        apply(
            """
            actions:
              - {key: env, value: prod, action: insert}
              - {key: region, value: eu, action: insert}
              - {key: region, value: us, action: update}
              - {key: absent, value: x, action: update}
              - {key: tier, value: 3, action: upsert}
              - {key: ratio, value: 0.5, action: upsert}
              - {key: on, value: true, action: upsert}
            """,
            Map.of("env", "dev"));

    assertThat(out)
        .containsEntry("env", "dev")
        .containsEntry("region", "us")
        .containsEntry("tier", 3L)
        .containsEntry("ratio", 0.5)
        .containsEntry("on", true)
        .doesNotContainKey("absent");
  }

  @Test
  void fromAttributeCopiesAValueAndDoesNothingWhenItIsAbsent() {
    Map<String, Object> out =
        apply(
            """
            actions:
              - {key: peer, from_attribute: net.peer.name, action: upsert}
              - {key: other, from_attribute: missing, action: upsert}
            """,
            Map.of("net.peer.name", "db1"));

    assertThat(out).containsEntry("peer", "db1").doesNotContainKey("other");
  }

  @Test
  void deleteTakesAKeyAndAPattern() {
    Map<String, Object> out =
        apply(
            """
            actions:
              - {key: password, action: delete}
              - {pattern: '^secret\\.', action: delete}
            """,
            Map.of("password", "p", "secret.a", "1", "secret.b", "2", "keep", "k"));

    assertThat(out).containsOnlyKeys("keep");
  }

  @Test
  void hashWritesTheSha256OfTheValueAsTheCollectorEncodesIt() throws Exception {
    Span span =
        Span.newBuilder()
            .addAttributes(kv("user", "jane"))
            .addAttributes(
                KeyValue.newBuilder()
                    .setKey("user.id")
                    .setValue(AnyValue.newBuilder().setIntValue(42)))
            .build();

    Map<String, Object> out =
        values(
            process(
                    "actions:\n"
                        + "  - {key: user, action: hash}\n"
                        + "  - {pattern: '\\.id$', action: hash}\n",
                    span)
                .getAttributesList());

    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String jane = HexFormat.of().formatHex(sha256.digest("jane".getBytes(StandardCharsets.UTF_8)));
    byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(42).array();
    String fortyTwo = HexFormat.of().formatHex(sha256.digest(le));
    assertThat(out).containsEntry("user", jane).containsEntry("user.id", fortyTwo);
  }

  @Test
  void extractUpsertsNamedGroups() {
    Map<String, Object> out =
        apply(
            """
            actions:
              - key: http.url
                pattern: '^.*/users/(?P<user_id>\\d+)/orders/(?<order_id>\\d+)(?<rest>/x)?$'
                action: extract
            """,
            Map.of("http.url", "https://shop.example/users/42/orders/7", "order_id", "old"));

    assertThat(out)
        .containsEntry("user_id", "42")
        .containsEntry("order_id", "7")
        .containsEntry("rest", "")
        .containsEntry("http.url", "https://shop.example/users/42/orders/7");
  }

  @Test
  void convertChangesTypesWhereItCan() {
    Map<String, Object> out =
        apply(
            """
            actions:
              - {key: a, action: convert, converted_type: int}
              - {key: b, action: convert, converted_type: int}
              - {key: c, action: convert, converted_type: double}
              - {key: d, action: convert, converted_type: string}
            """,
            Map.of("a", "42", "b", "forty-two", "c", "1.5"));

    assertThat(out).containsEntry("a", 42L).containsEntry("b", "forty-two").containsEntry("c", 1.5);
    assertThat(
            ConvertAction.convert(
                    AnyValue.newBuilder().setDoubleValue(3.9).build(), ConvertedType.INT)
                .getIntValue())
        .isEqualTo(3);
    assertThat(
            ConvertAction.convert(
                    AnyValue.newBuilder().setDoubleValue(2.0).build(), ConvertedType.STRING)
                .getStringValue())
        .isEqualTo("2");
    assertThat(
            ConvertAction.convert(
                    AnyValue.newBuilder().setBoolValue(true).build(), ConvertedType.DOUBLE)
                .getDoubleValue())
        .isEqualTo(1.0);
  }

  @Test
  void appliesToSpansLogRecordsAndDataPointsButNotResources() {
    String yaml = "actions:\n  - {key: added, value: true, action: insert}\n";
    Resource resource = Resource.newBuilder().addAttributes(kv("service.name", "s")).build();

    TestSink<TraceBatch> traces = new TestSink<>();
    Processors.create(new AttributesFactory(), yaml, BatchType.TRACES, meters, traces)
        .consume(
            BatchType.TRACES.fromMessage(
                ExportTraceServiceRequest.newBuilder()
                    .addResourceSpans(
                        ResourceSpans.newBuilder()
                            .setResource(resource)
                            .addScopeSpans(
                                ScopeSpans.newBuilder().addSpans(Span.getDefaultInstance())))
                    .build()));
    TestSink<LogBatch> logs = new TestSink<>();
    Processors.create(new AttributesFactory(), yaml, BatchType.LOGS, meters, logs)
        .consume(
            BatchType.LOGS.fromMessage(
                ExportLogsServiceRequest.newBuilder()
                    .addResourceLogs(
                        ResourceLogs.newBuilder()
                            .setResource(resource)
                            .addScopeLogs(
                                ScopeLogs.newBuilder()
                                    .addLogRecords(LogRecord.getDefaultInstance())))
                    .build()));
    TestSink<MetricBatch> metrics = new TestSink<>();
    Processors.create(new AttributesFactory(), yaml, BatchType.METRICS, meters, metrics)
        .consume(
            BatchType.METRICS.fromMessage(
                ExportMetricsServiceRequest.newBuilder()
                    .addResourceMetrics(
                        ResourceMetrics.newBuilder()
                            .setResource(resource)
                            .addScopeMetrics(
                                ScopeMetrics.newBuilder()
                                    .addMetrics(
                                        Metric.newBuilder()
                                            .setGauge(
                                                Gauge.newBuilder()
                                                    .addDataPoints(
                                                        NumberDataPoint.getDefaultInstance())))))
                    .build()));

    ResourceSpans spans = traces.only().message().getResourceSpans(0);
    assertThat(spans.getResource()).isEqualTo(resource);
    assertThat(values(spans.getScopeSpans(0).getSpans(0).getAttributesList()))
        .containsEntry("added", true);
    ResourceLogs records = logs.only().message().getResourceLogs(0);
    assertThat(records.getResource()).isEqualTo(resource);
    assertThat(values(records.getScopeLogs(0).getLogRecords(0).getAttributesList()))
        .containsEntry("added", true);
    ResourceMetrics points = metrics.only().message().getResourceMetrics(0);
    assertThat(points.getResource()).isEqualTo(resource);
    assertThat(
            values(
                points
                    .getScopeMetrics(0)
                    .getMetrics(0)
                    .getGauge()
                    .getDataPoints(0)
                    .getAttributesList()))
        .containsEntry("added", true);
  }

  @Test
  void aBatchNoActionChangesKeepsItsBytes() {
    byte[] wire = request(span(Map.of("env", "prod"))).toByteArray();
    TestSink<TraceBatch> sink = new TestSink<>();

    Processors.create(
            new AttributesFactory(),
            "actions:\n"
                + "  - {key: env, value: prod, action: upsert}\n"
                + "  - {key: gone, action: delete}\n",
            BatchType.TRACES,
            meters,
            sink)
        .consume(BatchType.TRACES.fromWire(wire));

    assertThat(sink.only().toByteArray()).isSameAs(wire);
  }

  @Test
  void aHostileExtractPatternIsGivenUpAndCounted() {
    Map<String, Object> out =
        apply(
            "actions:\n  - {key: v, pattern: '(?<x>(?:a+)+)$', action: extract}\n",
            Map.of("v", "a".repeat(4000) + "b"));

    assertThat(out).doesNotContainKey("x");
    assertThat(
            meters
                .get(AttributesFactory.REGEX_ABORTS)
                .tag("action", "actions[0]")
                .counter()
                .count())
        .isEqualTo(1);
  }

  private Map<String, Object> apply(String yaml, Map<String, String> attributes) {
    return values(process(yaml, span(attributes)).getAttributesList());
  }

  private Span process(String yaml, Span span) {
    TestSink<TraceBatch> sink = new TestSink<>();
    Processors.create(new AttributesFactory(), yaml, BatchType.TRACES, meters, sink)
        .consume(BatchType.TRACES.fromWire(request(span).toByteArray()));
    return sink.only().message().getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static ExportTraceServiceRequest request(Span span) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build();
  }

  private static Span span(Map<String, String> attributes) {
    Span.Builder span = Span.newBuilder().setName("span");
    new TreeMap<>(attributes).forEach((key, value) -> span.addAttributes(kv(key, value)));
    return span.build();
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static Map<String, Object> values(List<KeyValue> attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      AnyValue v = kv.getValue();
      Object value =
          switch (v.getValueCase()) {
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BOOL_VALUE -> v.getBoolValue();
            default -> v.getStringValue();
          };
      out.put(kv.getKey(), value);
    }
    return out;
  }
}
