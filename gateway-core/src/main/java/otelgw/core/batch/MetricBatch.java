package otelgw.core.batch;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

/** A batch of metric data points: one {@code ExportMetricsServiceRequest}. */
public final class MetricBatch extends Batch<ExportMetricsServiceRequest> {

  MetricBatch(byte[] wire, int itemCount) {
    super(wire, itemCount);
  }

  MetricBatch(byte[][] chunks, int length, int itemCount) {
    super(chunks, length, itemCount);
  }

  MetricBatch(ExportMetricsServiceRequest message) {
    super(message);
  }

  private MetricBatch(MetricBatch other) {
    super(other);
  }

  @Override
  public BatchType<ExportMetricsServiceRequest, MetricBatch> type() {
    return BatchType.METRICS;
  }

  @Override
  public MetricBatch share() {
    return new MetricBatch(this);
  }
}
