package otelgw.core.otlp.walk;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;

/**
 * Walks metric requests: resource, scope and metadata attributes, and the attributes of every data
 * point and exemplar of each metric type.
 */
final class MetricWalker implements RequestWalker<ExportMetricsServiceRequest> {

  static final MetricWalker INSTANCE = new MetricWalker();

  private MetricWalker() {}

  @Override
  public ExportMetricsServiceRequest walk(
      ExportMetricsServiceRequest request, RequestVisitor visitor) {
    List<ResourceMetrics> resources = request.getResourceMetricsList();
    List<ResourceMetrics> walked = Parts.each(resources, visitor, MetricWalker::resource);
    if (walked == resources) {
      return request;
    }
    return request.toBuilder().clearResourceMetrics().addAllResourceMetrics(walked).build();
  }

  private static ResourceMetrics resource(ResourceMetrics in, RequestVisitor visitor) {
    Resource resource = in.getResource();
    Resource walkedResource = Parts.resource(resource, visitor);
    List<ScopeMetrics> scopes = in.getScopeMetricsList();
    List<ScopeMetrics> walkedScopes = Parts.each(scopes, visitor, MetricWalker::scope);
    if (walkedResource == resource && walkedScopes == scopes) {
      return in;
    }
    ResourceMetrics.Builder out = in.toBuilder();
    if (walkedResource != resource) {
      out.setResource(walkedResource);
    }
    if (walkedScopes != scopes) {
      out.clearScopeMetrics().addAllScopeMetrics(walkedScopes);
    }
    return out.build();
  }

  private static ScopeMetrics scope(ScopeMetrics in, RequestVisitor visitor) {
    InstrumentationScope scope = in.getScope();
    InstrumentationScope walkedScope = Parts.scope(scope, visitor);
    List<Metric> metrics = in.getMetricsList();
    List<Metric> walkedMetrics = Parts.each(metrics, visitor, MetricWalker::metric);
    if (walkedScope == scope && walkedMetrics == metrics) {
      return in;
    }
    ScopeMetrics.Builder out = in.toBuilder();
    if (walkedScope != scope) {
      out.setScope(walkedScope);
    }
    if (walkedMetrics != metrics) {
      out.clearMetrics().addAllMetrics(walkedMetrics);
    }
    return out.build();
  }

  static Metric metric(Metric in, RequestVisitor visitor) {
    Metric.Builder out = null;
    List<KeyValue> metadata = in.getMetadataList();
    List<KeyValue> walkedMetadata = visitor.attributes(Site.METRIC_METADATA, metadata);
    if (walkedMetadata != metadata) {
      out = in.toBuilder().clearMetadata().addAllMetadata(walkedMetadata);
    }
    switch (in.getDataCase()) {
      case GAUGE -> {
        List<NumberDataPoint> points = in.getGauge().getDataPointsList();
        List<NumberDataPoint> walked = Parts.each(points, visitor, MetricWalker::number);
        if (walked != points) {
          out = out != null ? out : in.toBuilder();
          out.getGaugeBuilder().clearDataPoints().addAllDataPoints(walked);
        }
      }
      case SUM -> {
        List<NumberDataPoint> points = in.getSum().getDataPointsList();
        List<NumberDataPoint> walked = Parts.each(points, visitor, MetricWalker::number);
        if (walked != points) {
          out = out != null ? out : in.toBuilder();
          out.getSumBuilder().clearDataPoints().addAllDataPoints(walked);
        }
      }
      case HISTOGRAM -> {
        List<HistogramDataPoint> points = in.getHistogram().getDataPointsList();
        List<HistogramDataPoint> walked = Parts.each(points, visitor, MetricWalker::histogram);
        if (walked != points) {
          out = out != null ? out : in.toBuilder();
          out.getHistogramBuilder().clearDataPoints().addAllDataPoints(walked);
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        List<ExponentialHistogramDataPoint> points =
            in.getExponentialHistogram().getDataPointsList();
        List<ExponentialHistogramDataPoint> walked =
            Parts.each(points, visitor, MetricWalker::exponential);
        if (walked != points) {
          out = out != null ? out : in.toBuilder();
          out.getExponentialHistogramBuilder().clearDataPoints().addAllDataPoints(walked);
        }
      }
      case SUMMARY -> {
        List<SummaryDataPoint> points = in.getSummary().getDataPointsList();
        List<SummaryDataPoint> walked = Parts.each(points, visitor, MetricWalker::summary);
        if (walked != points) {
          out = out != null ? out : in.toBuilder();
          out.getSummaryBuilder().clearDataPoints().addAllDataPoints(walked);
        }
      }
      case DATA_NOT_SET -> {}
    }
    return out == null ? in : out.build();
  }

  private static NumberDataPoint number(NumberDataPoint in, RequestVisitor visitor) {
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walkedAttributes = visitor.attributes(Site.DATA_POINT, attributes);
    List<Exemplar> exemplars = in.getExemplarsList();
    List<Exemplar> walkedExemplars = Parts.each(exemplars, visitor, MetricWalker::exemplar);
    if (walkedAttributes == attributes && walkedExemplars == exemplars) {
      return in;
    }
    NumberDataPoint.Builder out = in.toBuilder();
    if (walkedAttributes != attributes) {
      out.clearAttributes().addAllAttributes(walkedAttributes);
    }
    if (walkedExemplars != exemplars) {
      out.clearExemplars().addAllExemplars(walkedExemplars);
    }
    return out.build();
  }

  private static HistogramDataPoint histogram(HistogramDataPoint in, RequestVisitor visitor) {
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walkedAttributes = visitor.attributes(Site.DATA_POINT, attributes);
    List<Exemplar> exemplars = in.getExemplarsList();
    List<Exemplar> walkedExemplars = Parts.each(exemplars, visitor, MetricWalker::exemplar);
    if (walkedAttributes == attributes && walkedExemplars == exemplars) {
      return in;
    }
    HistogramDataPoint.Builder out = in.toBuilder();
    if (walkedAttributes != attributes) {
      out.clearAttributes().addAllAttributes(walkedAttributes);
    }
    if (walkedExemplars != exemplars) {
      out.clearExemplars().addAllExemplars(walkedExemplars);
    }
    return out.build();
  }

  private static ExponentialHistogramDataPoint exponential(
      ExponentialHistogramDataPoint in, RequestVisitor visitor) {
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walkedAttributes = visitor.attributes(Site.DATA_POINT, attributes);
    List<Exemplar> exemplars = in.getExemplarsList();
    List<Exemplar> walkedExemplars = Parts.each(exemplars, visitor, MetricWalker::exemplar);
    if (walkedAttributes == attributes && walkedExemplars == exemplars) {
      return in;
    }
    ExponentialHistogramDataPoint.Builder out = in.toBuilder();
    if (walkedAttributes != attributes) {
      out.clearAttributes().addAllAttributes(walkedAttributes);
    }
    if (walkedExemplars != exemplars) {
      out.clearExemplars().addAllExemplars(walkedExemplars);
    }
    return out.build();
  }

  private static SummaryDataPoint summary(SummaryDataPoint in, RequestVisitor visitor) {
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walked = visitor.attributes(Site.DATA_POINT, attributes);
    if (walked == attributes) {
      return in;
    }
    return in.toBuilder().clearAttributes().addAllAttributes(walked).build();
  }

  private static Exemplar exemplar(Exemplar in, RequestVisitor visitor) {
    List<KeyValue> attributes = in.getFilteredAttributesList();
    List<KeyValue> walked = visitor.attributes(Site.EXEMPLAR, attributes);
    if (walked == attributes) {
      return in;
    }
    return in.toBuilder().clearFilteredAttributes().addAllFilteredAttributes(walked).build();
  }
}
