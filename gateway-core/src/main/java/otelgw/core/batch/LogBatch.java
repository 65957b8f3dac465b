package otelgw.core.batch;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/** A batch of log records: one {@code ExportLogsServiceRequest}. */
public final class LogBatch extends Batch<ExportLogsServiceRequest> {

  LogBatch(byte[] wire, int itemCount) {
    super(wire, itemCount);
  }

  LogBatch(byte[][] chunks, int length, int itemCount) {
    super(chunks, length, itemCount);
  }

  LogBatch(ExportLogsServiceRequest message) {
    super(message);
  }

  private LogBatch(LogBatch other) {
    super(other);
  }

  @Override
  public BatchType<ExportLogsServiceRequest, LogBatch> type() {
    return BatchType.LOGS;
  }

  @Override
  public LogBatch share() {
    return new LogBatch(this);
  }
}
