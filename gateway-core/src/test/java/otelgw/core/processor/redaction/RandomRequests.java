package otelgw.core.processor.redaction;

import com.google.protobuf.ByteString;
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
import java.util.SplittableRandom;

/**
 * Requests of all three signals with what redaction rules look at, drawn at random: keys that are
 * allowed, ignored, blocked or summary keys; mostly harmless strings, some with e-mail addresses,
 * card numbers or tokens; integers, bools, doubles, bytes, maps and arrays; names, statuses,
 * events, links, bodies, data points and exemplars. Most parts have nothing to redact, as in real
 * traffic. The same seed gives the same request.
 */
final class RandomRequests {

  private static final String[] KEYS = {
    "http.method",
    "safe",
    "note",
    "user.email",
    "password",
    "debug.card",
    "trace.token",
    "redaction.masked.count",
    "redaction.body.allowed.count",
    ""
  };

  private static final String[] HARMLESS = {"GET", "fine", "orders", "ok-123", "", "allowed-one"};

  private static final String[] SENSITIVE = {
    "jane@example.com",
    "card 4111111111111111 here",
    "from 192.168.1.20",
    "Bearer abc.def-ghi",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"
  };

  private final SplittableRandom random;

  RandomRequests(long seed) {
    this.random = new SplittableRandom(seed);
  }

  ExportTraceServiceRequest traces() {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    for (int r = random.nextInt(1, 3); r > 0; r--) {
      ResourceSpans.Builder resource = ResourceSpans.newBuilder().setResource(resource());
      for (int s = random.nextInt(1, 3); s > 0; s--) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(scope());
        for (int i = random.nextInt(0, 6); i > 0; i--) {
          scope.addSpans(span());
        }
        resource.addScopeSpans(scope);
      }
      request.addResourceSpans(resource);
    }
    return request.build();
  }

  ExportLogsServiceRequest logs() {
    ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
    for (int r = random.nextInt(1, 3); r > 0; r--) {
      ResourceLogs.Builder resource = ResourceLogs.newBuilder().setResource(resource());
      for (int s = random.nextInt(1, 3); s > 0; s--) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(scope());
        for (int i = random.nextInt(0, 6); i > 0; i--) {
          scope.addLogRecords(logRecord());
        }
        resource.addScopeLogs(scope);
      }
      request.addResourceLogs(resource);
    }
    return request.build();
  }

  ExportMetricsServiceRequest metrics() {
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    for (int r = random.nextInt(1, 3); r > 0; r--) {
      ResourceMetrics.Builder resource = ResourceMetrics.newBuilder().setResource(resource());
      for (int s = random.nextInt(1, 3); s > 0; s--) {
        ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(scope());
        for (int i = random.nextInt(0, 5); i > 0; i--) {
          scope.addMetrics(metric());
        }
        resource.addScopeMetrics(scope);
      }
      request.addResourceMetrics(resource);
    }
    return request.build();
  }

  private Resource resource() {
    Resource.Builder resource = Resource.newBuilder();
    for (int i = random.nextInt(0, 4); i > 0; i--) {
      resource.addAttributes(attribute());
    }
    return resource.build();
  }

  private InstrumentationScope scope() {
    InstrumentationScope.Builder scope =
        InstrumentationScope.newBuilder().setName("lib").setVersion("1.0");
    for (int i = random.nextInt(0, 2); i > 0; i--) {
      scope.addAttributes(attribute());
    }
    return scope.build();
  }

  private Span span() {
    Span.Builder span =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(bytes(16)))
            .setSpanId(ByteString.copyFrom(bytes(8)))
            .setStartTimeUnixNano(random.nextLong())
            .setKind(Span.SpanKind.SPAN_KIND_SERVER);
    if (random.nextInt(5) > 0) {
      span.setName(text());
    }
    if (random.nextBoolean()) {
      Status.Builder status = Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR);
      if (random.nextBoolean()) {
        status.setMessage(text());
      }
      span.setStatus(status);
    }
    for (int i = random.nextInt(0, 3); i > 0; i--) {
      Span.Event.Builder event = Span.Event.newBuilder().setTimeUnixNano(random.nextLong());
      if (random.nextBoolean()) {
        event.setName(text());
      }
      for (int a = random.nextInt(0, 3); a > 0; a--) {
        event.addAttributes(attribute());
      }
      span.addEvents(event);
    }
    for (int i = random.nextInt(0, 2); i > 0; i--) {
      Span.Link.Builder link = Span.Link.newBuilder().setTraceId(ByteString.copyFrom(bytes(16)));
      for (int a = random.nextInt(0, 3); a > 0; a--) {
        link.addAttributes(attribute());
      }
      span.addLinks(link);
    }
    for (int i = random.nextInt(0, 6); i > 0; i--) {
      span.addAttributes(attribute());
    }
    return span.build();
  }

  private LogRecord logRecord() {
    LogRecord.Builder record =
        LogRecord.newBuilder().setTimeUnixNano(random.nextLong()).setSeverityText("WARN");
    if (random.nextInt(4) == 0) {
      record.setEventName(text());
    }
    if (random.nextInt(4) > 0) {
      record.setBody(value(1));
    }
    for (int i = random.nextInt(0, 5); i > 0; i--) {
      record.addAttributes(attribute());
    }
    return record.build();
  }

  private Metric metric() {
    Metric.Builder metric = Metric.newBuilder().setName("m").setUnit("ms");
    for (int i = random.nextInt(0, 2); i > 0; i--) {
      metric.addMetadata(attribute());
    }
    switch (random.nextInt(5)) {
      case 0 -> {
        Gauge.Builder gauge = Gauge.newBuilder();
        for (int i = random.nextInt(1, 3); i > 0; i--) {
          gauge.addDataPoints(number());
        }
        metric.setGauge(gauge);
      }
      case 1 -> {
        Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true);
        for (int i = random.nextInt(1, 3); i > 0; i--) {
          sum.addDataPoints(number());
        }
        metric.setSum(sum);
      }
      case 2 -> {
        HistogramDataPoint.Builder point = HistogramDataPoint.newBuilder().setCount(3);
        for (int i = random.nextInt(0, 3); i > 0; i--) {
          point.addAttributes(attribute());
        }
        for (int i = random.nextInt(0, 2); i > 0; i--) {
          point.addExemplars(exemplar());
        }
        metric.setHistogram(Histogram.newBuilder().addDataPoints(point));
      }
      case 3 -> {
        ExponentialHistogramDataPoint.Builder point =
            ExponentialHistogramDataPoint.newBuilder().setScale(2);
        for (int i = random.nextInt(0, 3); i > 0; i--) {
          point.addAttributes(attribute());
        }
        for (int i = random.nextInt(0, 2); i > 0; i--) {
          point.addExemplars(exemplar());
        }
        metric.setExponentialHistogram(ExponentialHistogram.newBuilder().addDataPoints(point));
      }
      default -> {
        SummaryDataPoint.Builder point = SummaryDataPoint.newBuilder().setCount(1);
        for (int i = random.nextInt(0, 3); i > 0; i--) {
          point.addAttributes(attribute());
        }
        metric.setSummary(Summary.newBuilder().addDataPoints(point));
      }
    }
    return metric.build();
  }

  private NumberDataPoint number() {
    NumberDataPoint.Builder point = NumberDataPoint.newBuilder().setAsInt(random.nextLong());
    for (int i = random.nextInt(0, 3); i > 0; i--) {
      point.addAttributes(attribute());
    }
    for (int i = random.nextInt(0, 2); i > 0; i--) {
      point.addExemplars(exemplar());
    }
    return point.build();
  }

  private Exemplar exemplar() {
    Exemplar.Builder exemplar = Exemplar.newBuilder().setAsDouble(random.nextDouble());
    for (int i = random.nextInt(0, 3); i > 0; i--) {
      exemplar.addFilteredAttributes(attribute());
    }
    return exemplar.build();
  }

  private KeyValue attribute() {
    KeyValue.Builder attribute = KeyValue.newBuilder().setKey(pick(KEYS));
    if (random.nextInt(20) > 0) {
      attribute.setValue(value(1));
    }
    return attribute.build();
  }

  private AnyValue value(int depth) {
    AnyValue.Builder value = AnyValue.newBuilder();
    int kind = random.nextInt(depth > 2 ? 14 : 16);
    switch (kind) {
      case 0 -> value.setIntValue(random.nextBoolean() ? 4111111111111111L : random.nextInt(100));
      case 1 -> value.setBoolValue(random.nextBoolean());
      case 2 -> value.setDoubleValue(random.nextDouble());
      case 3 -> value.setBytesValue(ByteString.copyFrom(bytes(4)));
      case 14 -> {
        KeyValueList.Builder map = KeyValueList.newBuilder();
        for (int i = random.nextInt(0, 3); i > 0; i--) {
          map.addValues(KeyValue.newBuilder().setKey(pick(KEYS)).setValue(value(depth + 1)));
        }
        value.setKvlistValue(map);
      }
      case 15 -> {
        ArrayValue.Builder array = ArrayValue.newBuilder();
        for (int i = random.nextInt(0, 3); i > 0; i--) {
          array.addValues(value(depth + 1));
        }
        value.setArrayValue(array);
      }
      default -> value.setStringValue(text());
    }
    return value.build();
  }

  /** A string, harmless four times in five. */
  private String text() {
    return random.nextInt(5) > 0 ? pick(HARMLESS) : pick(SENSITIVE);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
