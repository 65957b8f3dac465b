package otelgw.core.otlp.walk;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.WireFields;

/**
 * Where, in the bytes of each part of a request, stands what the walkers show a visitor: the same
 * sites and text fields as {@link TraceWalker}, {@link LogWalker}, {@link MetricWalker} and {@link
 * Parts}, read for a {@link WireScreen}. Each method says whether the visitor might change the part
 * in [start, end).
 */
final class RecordScreens {

  private static final int NO_FIELD = 0;

  private RecordScreens() {}

  static boolean resource(WireReader r, int start, int end) throws MalformedProtobufException {
    return attributes(r, 0, start, end, Resource.ATTRIBUTES_FIELD_NUMBER, Site.RESOURCE);
  }

  static boolean scope(WireReader r, int start, int end) throws MalformedProtobufException {
    return attributes(r, 0, start, end, InstrumentationScope.ATTRIBUTES_FIELD_NUMBER, Site.SCOPE);
  }

  static boolean span(WireReader r, int start, int end) throws MalformedProtobufException {
    WireFields span = r.open(0, start, end);
    boolean named = false;
    while (span.next()) {
      boolean mayChange =
          switch (span.field()) {
            case Span.NAME_FIELD_NUMBER -> {
              named = true;
              yield r.text(TextField.SPAN_NAME, span);
            }
            case Span.STATUS_FIELD_NUMBER -> status(r, span);
            case Span.EVENTS_FIELD_NUMBER -> event(r, span);
            case Span.LINKS_FIELD_NUMBER ->
                !span.isLengthDelimited()
                    || attributes(
                        r,
                        1,
                        span.bodyStart(),
                        span.bodyEnd(),
                        Span.Link.ATTRIBUTES_FIELD_NUMBER,
                        Site.SPAN_LINK);
            case Span.ATTRIBUTES_FIELD_NUMBER -> r.attribute(Site.SPAN, 1, span);
            default -> false;
          };
      if (mayChange) {
        return true;
      }
    }
    return !named && r.absentText(TextField.SPAN_NAME);
  }

  private static boolean status(WireReader r, WireFields span) throws MalformedProtobufException {
    if (!span.isLengthDelimited()) {
      return true;
    }
    WireFields status = r.open(1, span);
    boolean hasMessage = false;
    while (status.next()) {
      if (status.field() == Status.MESSAGE_FIELD_NUMBER) {
        hasMessage = true;
        if (r.text(TextField.SPAN_STATUS_MESSAGE, status)) {
          return true;
        }
      }
    }
    return !hasMessage && r.absentText(TextField.SPAN_STATUS_MESSAGE);
  }

  private static boolean event(WireReader r, WireFields span) throws MalformedProtobufException {
    if (!span.isLengthDelimited()) {
      return true;
    }
    WireFields event = r.open(1, span);
    boolean named = false;
    while (event.next()) {
      boolean mayChange =
          switch (event.field()) {
            case Span.Event.NAME_FIELD_NUMBER -> {
              named = true;
              yield r.text(TextField.SPAN_EVENT_NAME, event);
            }
            case Span.Event.ATTRIBUTES_FIELD_NUMBER -> r.attribute(Site.SPAN_EVENT, 2, event);
            default -> false;
          };
      if (mayChange) {
        return true;
      }
    }
    return !named && r.absentText(TextField.SPAN_EVENT_NAME);
  }

  static boolean logRecord(WireReader r, int start, int end) throws MalformedProtobufException {
    WireFields record = r.open(0, start, end);
    boolean named = false;
    boolean hasBody = false;
    while (record.next()) {
      boolean mayChange =
          switch (record.field()) {
            case LogRecord.EVENT_NAME_FIELD_NUMBER -> {
              named = true;
              yield r.text(TextField.LOG_EVENT_NAME, record);
            }
            case LogRecord.BODY_FIELD_NUMBER -> {
              // A second body merges into the first when parsed.
              boolean second = hasBody;
              hasBody = true;
              yield second || r.body(1, record);
            }
            case LogRecord.ATTRIBUTES_FIELD_NUMBER -> r.attribute(Site.LOG_RECORD, 1, record);
            default -> false;
          };
      if (mayChange) {
        return true;
      }
    }
    return !named && r.absentText(TextField.LOG_EVENT_NAME);
  }

  static boolean metric(WireReader r, int start, int end) throws MalformedProtobufException {
    WireFields metric = r.open(0, start, end);
    while (metric.next()) {
      boolean mayChange =
          switch (metric.field()) {
            case Metric.METADATA_FIELD_NUMBER -> r.attribute(Site.METRIC_METADATA, 1, metric);
            case Metric.GAUGE_FIELD_NUMBER, Metric.SUM_FIELD_NUMBER ->
                data(
                    r,
                    metric,
                    NumberDataPoint.ATTRIBUTES_FIELD_NUMBER,
                    NumberDataPoint.EXEMPLARS_FIELD_NUMBER);
            case Metric.HISTOGRAM_FIELD_NUMBER ->
                data(
                    r,
                    metric,
                    HistogramDataPoint.ATTRIBUTES_FIELD_NUMBER,
                    HistogramDataPoint.EXEMPLARS_FIELD_NUMBER);
            case Metric.EXPONENTIAL_HISTOGRAM_FIELD_NUMBER ->
                data(
                    r,
                    metric,
                    ExponentialHistogramDataPoint.ATTRIBUTES_FIELD_NUMBER,
                    ExponentialHistogramDataPoint.EXEMPLARS_FIELD_NUMBER);
            case Metric.SUMMARY_FIELD_NUMBER ->
                data(r, metric, SummaryDataPoint.ATTRIBUTES_FIELD_NUMBER, NO_FIELD);
            default -> false;
          };
      if (mayChange) {
        return true;
      }
    }
    return false;
  }

  /**
   * A metric's gauge, sum, histogram, ...: its data points, whose attributes and exemplars have
   * field numbers that differ by type. Every type numbers its data points as a gauge does.
   */
  private static boolean data(WireReader r, WireFields metric, int attributes, int exemplars)
      throws MalformedProtobufException {
    if (!metric.isLengthDelimited()) {
      return true;
    }
    WireFields data = r.open(1, metric);
    while (data.next()) {
      if (data.field() != Gauge.DATA_POINTS_FIELD_NUMBER) {
        continue;
      }
      if (!data.isLengthDelimited()) {
        return true;
      }
      WireFields point = r.open(2, data);
      while (point.next()) {
        int field = point.field();
        if (field == attributes && r.attribute(Site.DATA_POINT, 3, point)) {
          return true;
        }
        if (field == exemplars
            && (!point.isLengthDelimited()
                || attributes(
                    r,
                    3,
                    point.bodyStart(),
                    point.bodyEnd(),
                    Exemplar.FILTERED_ATTRIBUTES_FIELD_NUMBER,
                    Site.EXEMPLAR))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The attributes in field {@code number} of the message in [start, end) at {@code depth}. */
  private static boolean attributes(
      WireReader r, int depth, int start, int end, int number, Site site)
      throws MalformedProtobufException {
    WireFields fields = r.open(depth, start, end);
    while (fields.next()) {
      if (fields.field() == number && r.attribute(site, depth + 1, fields)) {
        return true;
      }
    }
    return false;
  }
}
