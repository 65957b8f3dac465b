package otelgw.exporter.debug;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;

/** Metrics and their data points as the debug exporter writes them. */
final class MetricText implements SignalText<ExportMetricsServiceRequest> {

  @Override
  public String summary(ExportMetricsServiceRequest request) {
    long metrics = 0;
    long points = 0;
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        metrics += scope.getMetricsCount();
        for (Metric metric : scope.getMetricsList()) {
          points += pointCount(metric);
        }
      }
    }
    return "metrics: "
        + ValueText.count(metrics, "metric", "metrics")
        + ", "
        + ValueText.count(points, "data point", "data points")
        + ", "
        + ValueText.count(request.getResourceMetricsCount(), "resource", "resources");
  }

  @Override
  public void normal(ExportMetricsServiceRequest request, Lines out) {
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      Envelope.resource(out, 0, resource.getResource(), resource.getSchemaUrl(), false);
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          out.add(
              2,
              "metric "
                  + metric.getName()
                  + (metric.getUnit().isEmpty() ? "" : " (" + metric.getUnit() + ")")
                  + " "
                  + type(metric)
                  + ", "
                  + ValueText.count(pointCount(metric), "point", "points"));
        }
      }
    }
  }

  @Override
  public void detailed(ExportMetricsServiceRequest request, Lines out) {
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics resource = request.getResourceMetrics(r);
      Envelope.resource(out, r, resource.getResource(), resource.getSchemaUrl(), true);
      for (int s = 0; s < resource.getScopeMetricsCount(); s++) {
        ScopeMetrics scope = resource.getScopeMetrics(s);
        Envelope.scope(out, s, scope.getScope(), scope.getSchemaUrl());
        for (int i = 0; i < scope.getMetricsCount(); i++) {
          metric(out, i, scope.getMetrics(i));
        }
      }
    }
  }

  private static void metric(Lines out, int index, Metric metric) {
    out.add(2, "metric #" + index + " " + metric.getName());
    if (!metric.getDescription().isEmpty()) {
      out.add(3, "description: " + metric.getDescription());
    }
    if (!metric.getUnit().isEmpty()) {
      out.add(3, "unit: " + metric.getUnit());
    }
    out.add(3, "type: " + type(metric) + aggregation(metric));
    if (metric.getMetadataCount() > 0) {
      out.add(3, "metadata: " + ValueText.attributes(metric.getMetadataList()));
    }
    switch (metric.getDataCase()) {
      case GAUGE -> MetricPoints.numberPoints(out, metric.getGauge().getDataPointsList());
      case SUM -> MetricPoints.numberPoints(out, metric.getSum().getDataPointsList());
      case HISTOGRAM -> {
        List<HistogramDataPoint> points = metric.getHistogram().getDataPointsList();
        for (int i = 0; i < points.size(); i++) {
          MetricPoints.histogramPoint(out, i, points.get(i));
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        List<ExponentialHistogramDataPoint> points =
            metric.getExponentialHistogram().getDataPointsList();
        for (int i = 0; i < points.size(); i++) {
          MetricPoints.exponentialPoint(out, i, points.get(i));
        }
      }
      case SUMMARY -> {
        List<SummaryDataPoint> points = metric.getSummary().getDataPointsList();
        for (int i = 0; i < points.size(); i++) {
          MetricPoints.summaryPoint(out, i, points.get(i));
        }
      }
      case DATA_NOT_SET -> {}
    }
  }

  private static String type(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> "gauge";
      case SUM -> "sum";
      case HISTOGRAM -> "histogram";
      case EXPONENTIAL_HISTOGRAM -> "exponential histogram";
      case SUMMARY -> "summary";
      case DATA_NOT_SET -> "empty";
    };
  }

  private static String aggregation(Metric metric) {
    return switch (metric.getDataCase()) {
      case SUM ->
          ", "
              + temporality(metric.getSum().getAggregationTemporality())
              + (metric.getSum().getIsMonotonic() ? ", monotonic" : ", not monotonic");
      case HISTOGRAM -> ", " + temporality(metric.getHistogram().getAggregationTemporality());
      case EXPONENTIAL_HISTOGRAM ->
          ", " + temporality(metric.getExponentialHistogram().getAggregationTemporality());
      case GAUGE, SUMMARY, DATA_NOT_SET -> "";
    };
  }

  private static String temporality(AggregationTemporality temporality) {
    return switch (temporality) {
      case AGGREGATION_TEMPORALITY_DELTA -> "delta";
      case AGGREGATION_TEMPORALITY_CUMULATIVE -> "cumulative";
      case AGGREGATION_TEMPORALITY_UNSPECIFIED, UNRECOGNIZED -> "unspecified temporality";
    };
  }

  private static int pointCount(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }
}
