package otelgw.exporter.debug;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;

/** A metric's data points, with their values, as detailed debug output writes them. */
final class MetricPoints {

  private MetricPoints() {}

  static void numberPoints(Lines out, List<NumberDataPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      NumberDataPoint point = points.get(i);
      String value =
          switch (point.getValueCase()) {
            case AS_INT -> Long.toString(point.getAsInt());
            case AS_DOUBLE -> Double.toString(point.getAsDouble());
            case VALUE_NOT_SET -> "none";
          };
      pointHeader(
          out, i, point.getAttributesList(), point.getStartTimeUnixNano(), point.getTimeUnixNano());
      out.add(4, "value: " + value);
      exemplars(out, point.getExemplarsList());
    }
  }

  static void histogramPoint(Lines out, int index, HistogramDataPoint point) {
    pointHeader(
        out,
        index,
        point.getAttributesList(),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano());
    out.add(
        4,
        totals(
            point.getCount(),
            point.hasSum() ? point.getSum() : null,
            point.hasMin() ? point.getMin() : null,
            point.hasMax() ? point.getMax() : null));
    List<Double> bounds = point.getExplicitBoundsList();
    List<Long> counts = point.getBucketCountsList();
    StringBuilder buckets = new StringBuilder("buckets:");
    for (int b = 0; b < counts.size(); b++) {
      String lower = b == 0 ? "-inf" : ValueText.number(bounds.get(b - 1));
      String upper = b < bounds.size() ? ValueText.number(bounds.get(b)) + "]" : "+inf)";
      buckets.append(b == 0 ? " " : ", ").append('(').append(lower).append(", ").append(upper);
      buckets.append('=').append(counts.get(b));
    }
    out.add(4, buckets.toString());
    exemplars(out, point.getExemplarsList());
  }

  static void exponentialPoint(Lines out, int index, ExponentialHistogramDataPoint point) {
    pointHeader(
        out,
        index,
        point.getAttributesList(),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano());
    out.add(
        4,
        totals(
            point.getCount(),
            point.hasSum() ? point.getSum() : null,
            point.hasMin() ? point.getMin() : null,
            point.hasMax() ? point.getMax() : null));
    out.add(
        4,
        "scale: "
            + point.getScale()
            + ", zero_count: "
            + point.getZeroCount()
            + ", zero_threshold: "
            + point.getZeroThreshold());
    out.add(
        4,
        "positive: offset "
            + point.getPositive().getOffset()
            + " counts "
            + point.getPositive().getBucketCountsList());
    out.add(
        4,
        "negative: offset "
            + point.getNegative().getOffset()
            + " counts "
            + point.getNegative().getBucketCountsList());
    exemplars(out, point.getExemplarsList());
  }

  static void summaryPoint(Lines out, int index, SummaryDataPoint point) {
    pointHeader(
        out,
        index,
        point.getAttributesList(),
        point.getStartTimeUnixNano(),
        point.getTimeUnixNano());
    StringBuilder line =
        new StringBuilder("count: ")
            .append(point.getCount())
            .append(", sum: ")
            .append(point.getSum());
    for (SummaryDataPoint.ValueAtQuantile quantile : point.getQuantileValuesList()) {
      line.append(", q")
          .append(ValueText.number(quantile.getQuantile()))
          .append('=')
          .append(quantile.getValue());
    }
    out.add(4, line.toString());
  }

  /** {@code count: 3, sum: 12.5, min: 1.0, max: 8.0}, leaving out what the point lacks. */
  private static String totals(long count, Double sum, Double min, Double max) {
    return "count: "
        + count
        + (sum != null ? ", sum: " + sum : "")
        + (min != null ? ", min: " + min : "")
        + (max != null ? ", max: " + max : "");
  }

  private static void pointHeader(
      Lines out, int index, List<KeyValue> attributes, long start, long time) {
    out.add(
        3,
        "point #"
            + index
            + " "
            + ValueText.attributes(attributes)
            + " start="
            + ValueText.time(start)
            + " time="
            + ValueText.time(time));
  }

  private static void exemplars(Lines out, List<Exemplar> exemplars) {
    for (Exemplar exemplar : exemplars) {
      String value =
          switch (exemplar.getValueCase()) {
            case AS_INT -> Long.toString(exemplar.getAsInt());
            case AS_DOUBLE -> Double.toString(exemplar.getAsDouble());
            case VALUE_NOT_SET -> "none";
          };
      out.add(
          4,
          "exemplar "
              + value
              + " at "
              + ValueText.time(exemplar.getTimeUnixNano())
              + (exemplar.getTraceId().isEmpty()
                  ? ""
                  : " trace_id=" + ValueText.hex(exemplar.getTraceId()))
              + (exemplar.getSpanId().isEmpty()
                  ? ""
                  : " span_id=" + ValueText.hex(exemplar.getSpanId()))
              + " "
              + ValueText.attributes(exemplar.getFilteredAttributesList()));
    }
  }
}
