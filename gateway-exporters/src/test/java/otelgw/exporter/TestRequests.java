package otelgw.exporter;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;

/** Small OTLP export requests with known content, for the exporters' tests. */
public final class TestRequests {

  public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  public static final String SPAN_ID = "b7ad6b7169203331";
  public static final long START = 1_700_000_000_000_000_000L;

  private TestRequests() {}

  /** {@code spans} spans of 12.5 ms, named {@code GET /users/<i>}, in one resource and scope. */
  public static ExportTraceServiceRequest traces(int spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(scope());
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setName("GET /users/" + i)
              .setTraceId(id(TRACE_ID))
              .setSpanId(id(SPAN_ID))
              .setKind(Span.SpanKind.SPAN_KIND_SERVER)
              .setStartTimeUnixNano(START)
              .setEndTimeUnixNano(START + 12_500_000)
              .addAttributes(string("http.method", "GET"))
              .addAttributes(integer("http.status_code", 500))
              .addEvents(
                  Span.Event.newBuilder()
                      .setName("exception")
                      .setTimeUnixNano(START + 1_000)
                      .addAttributes(string("exception.type", "IOException")))
              .addLinks(Span.Link.newBuilder().setTraceId(id(TRACE_ID)).setSpanId(id(SPAN_ID)))
              .setStatus(
                  Status.newBuilder()
                      .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                      .setMessage("boom")));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource()).addScopeSpans(scope))
        .build();
  }

  /** A gauge with two int points, a monotonic cumulative sum and a histogram: 4 data points. */
  public static ExportMetricsServiceRequest metrics() {
    NumberDataPoint seven =
        NumberDataPoint.newBuilder()
            .setTimeUnixNano(START)
            .setAsInt(7)
            .addAttributes(string("cpu", "0"))
            .build();
    ScopeMetrics scope =
        ScopeMetrics.newBuilder()
            .setScope(scope())
            .addMetrics(
                Metric.newBuilder()
                    .setName("queue.depth")
                    .setUnit("{items}")
                    .setGauge(Gauge.newBuilder().addDataPoints(seven).addDataPoints(seven)))
            .addMetrics(
                Metric.newBuilder()
                    .setName("requests")
                    .setSum(
                        Sum.newBuilder()
                            .setIsMonotonic(true)
                            .setAggregationTemporality(
                                AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                            .addDataPoints(NumberDataPoint.newBuilder().setAsDouble(2.5))))
            .addMetrics(
                Metric.newBuilder()
                    .setName("http.server.duration")
                    .setUnit("ms")
                    .setHistogram(
                        Histogram.newBuilder()
                            .setAggregationTemporality(
                                AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                            .addDataPoints(
                                HistogramDataPoint.newBuilder()
                                    .setCount(3)
                                    .setSum(12.5)
                                    .addExplicitBounds(5)
                                    .addExplicitBounds(10)
                                    .addBucketCounts(1)
                                    .addBucketCounts(2)
                                    .addBucketCounts(0))))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder().setResource(resource()).addScopeMetrics(scope))
        .build();
  }

  /** {@code records} INFO records with a string body, the second an array body. */
  public static ExportLogsServiceRequest logs(int records) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(scope());
    for (int i = 0; i < records; i++) {
      AnyValue body =
          i == 1
              ? AnyValue.newBuilder()
                  .setArrayValue(
                      ArrayValue.newBuilder()
                          .addValues(AnyValue.newBuilder().setIntValue(1))
                          .addValues(AnyValue.newBuilder().setBoolValue(true)))
                  .build()
              : AnyValue.newBuilder().setStringValue("user \"ada\" logged in").build();
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setTimeUnixNano(START)
              .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
              .setBody(body)
              .setTraceId(id(TRACE_ID))
              .addAttributes(string("user.id", "42")));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().setResource(resource()).addScopeLogs(scope))
        .build();
  }

  private static Resource resource() {
    return Resource.newBuilder().addAttributes(string("service.name", "checkout")).build();
  }

  private static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder().setName("io.example.http").setVersion("1.2.0").build();
  }

  private static KeyValue string(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static KeyValue integer(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  private static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
