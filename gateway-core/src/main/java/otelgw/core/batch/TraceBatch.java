package otelgw.core.batch;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** A batch of spans: one {@code ExportTraceServiceRequest}. */
public final class TraceBatch extends Batch<ExportTraceServiceRequest> {

  TraceBatch(byte[] wire, int itemCount) {
    super(wire, itemCount);
  }

  TraceBatch(byte[][] chunks, int length, int itemCount) {
    super(chunks, length, itemCount);
  }

  TraceBatch(ExportTraceServiceRequest message) {
    super(message);
  }

  private TraceBatch(TraceBatch other) {
    super(other);
  }

  @Override
  public BatchType<ExportTraceServiceRequest, TraceBatch> type() {
    return BatchType.TRACES;
  }

  @Override
  public TraceBatch share() {
    return new TraceBatch(this);
  }
}
