package otelgw.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
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
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;

class BatchTest {

  @Test
  void fromWireKeepsTheBytesAndDoesNotDecode() {
    byte[] bytes = TestBatches.traces("checkout", 3).toByteArray();

    TraceBatch batch = BatchType.TRACES.fromWire(bytes);

    assertThat(batch.toByteArray()).isSameAs(bytes);
    assertThat(batch.isDecoded()).isFalse();
    assertThat(batch.hasWireBytes()).isTrue();
    assertThat(batch.itemCount()).isEqualTo(3);
    assertThat(batch.byteSize()).isEqualTo(bytes.length);
    assertThat(batch.signal()).isEqualTo(Signal.TRACES);
    assertThat(batch.isDecoded()).isFalse(); // counting and sizing did not decode either
  }

  @Test
  void messageDecodesOnFirstUseAndStillSendsTheOriginalBytes() {
    ExportTraceServiceRequest request = TestBatches.traces("checkout", 2);
    byte[] bytes = request.toByteArray();
    TraceBatch batch = BatchType.TRACES.fromWire(bytes);

    ExportTraceServiceRequest message = batch.message();

    assertThat(message).isEqualTo(request);
    assertThat(batch.isDecoded()).isTrue();
    assertThat(batch.message()).isSameAs(message);
    assertThat(batch.toByteArray()).isSameAs(bytes);
  }

  @Test
  void updateReserializesAndRecounts() {
    byte[] bytes = TestBatches.traces("checkout", 4).toByteArray();
    TraceBatch batch = BatchType.TRACES.fromWire(bytes);
    ExportTraceServiceRequest smaller = TestBatches.traces("checkout", 1);

    batch.update(smaller);

    assertThat(batch.hasWireBytes()).isFalse();
    assertThat(batch.itemCount()).isEqualTo(1);
    assertThat(batch.byteSize()).isEqualTo(smaller.getSerializedSize());
    byte[] sent = batch.toByteArray();
    assertThat(sent).isNotSameAs(bytes).isEqualTo(smaller.toByteArray());
    assertThat(batch.toByteArray()).isSameAs(sent); // serialized once
    assertThat(batch.message()).isSameAs(smaller);
  }

  @Test
  void updateWireTakesTheNewBytesAndKeepsTheCount() {
    TraceBatch batch = BatchType.TRACES.fromWire(TestBatches.traces("checkout", 3).toByteArray());
    batch.message();
    ExportTraceServiceRequest renamed = TestBatches.traces("cart", 3);
    byte[] bytes = renamed.toByteArray();

    batch.updateWire(List.of(bytes));

    assertThat(batch.isDecoded()).isFalse();
    assertThat(batch.hasWireBytes()).isTrue();
    assertThat(batch.toByteArray()).isSameAs(bytes);
    assertThat(batch.byteSize()).isEqualTo(bytes.length);
    assertThat(batch.itemCount()).isEqualTo(3);
    assertThat(batch.message()).isEqualTo(renamed);
  }

  @Test
  void updateWireOfSeveralRequestsKeepsThemAsChunks() {
    byte[] a = TestBatches.traces("checkout", 2).toByteArray();
    byte[] b = TestBatches.traces("cart", 3).toByteArray();
    TraceBatch merged =
        BatchType.TRACES.fromCheckedChunks(new byte[][] {a, b}, a.length + b.length, 5);
    byte[] c = TestBatches.traces("shop", 3).toByteArray();

    merged.updateWire(List.of(a, c));

    assertThat(merged.wireChunks()).containsExactly(a, c);
    assertThat(merged.byteSize()).isEqualTo(a.length + c.length);
    assertThat(merged.itemCount()).isEqualTo(5);
  }

  @Test
  void aMergeKeepsItsRequestsAsChunksUntilOneArrayIsAskedFor() {
    ExportTraceServiceRequest first = TestBatches.traces("checkout", 2);
    ExportTraceServiceRequest second = TestBatches.traces("cart", 3);
    byte[] a = first.toByteArray();
    byte[] b = second.toByteArray();

    TraceBatch merged =
        BatchType.TRACES.fromCheckedChunks(new byte[][] {a, b}, a.length + b.length, 5);

    assertThat(merged.wireChunks()).containsExactly(a, b);
    assertThat(merged.wireChunks().get(0)).isSameAs(a); // not copied
    assertThat(merged.hasWireBytes()).isTrue();
    assertThat(merged.isDecoded()).isFalse();
    assertThat(merged.byteSize()).isEqualTo(a.length + b.length);
    assertThat(merged.itemCount()).isEqualTo(5);
    assertThat(merged.share().wireChunks()).containsExactly(a, b);

    assertThat(merged.message())
        .isEqualTo(first.toBuilder().addAllResourceSpans(second.getResourceSpansList()).build());
    byte[] joined = merged.toByteArray();
    assertThat(joined).hasSize(a.length + b.length);
    assertThat(merged.wireChunks()).containsExactly(joined); // joined once, then kept
  }

  @Test
  void compactKeepsOnlyTheEncodingOfAnUpdatedMessage() {
    TraceBatch batch = BatchType.TRACES.fromWire(TestBatches.traces("checkout", 4).toByteArray());
    ExportTraceServiceRequest updated = TestBatches.traces("checkout", 3);
    batch.update(updated);

    batch.compact();

    assertThat(batch.isDecoded()).isFalse();
    assertThat(batch.hasWireBytes()).isTrue();
    assertThat(batch.itemCount()).isEqualTo(3);
    assertThat(batch.toByteArray()).isEqualTo(updated.toByteArray());
    assertThat(batch.message()).isEqualTo(updated).isNotSameAs(updated); // decoded again
  }

  @Test
  void compactOfAnUnchangedBatchKeepsTheOriginalBytes() {
    byte[] bytes = TestBatches.traces("checkout", 2).toByteArray();
    TraceBatch batch = BatchType.TRACES.fromWire(bytes);
    batch.message();

    batch.compact();

    assertThat(batch.isDecoded()).isFalse();
    assertThat(batch.toByteArray()).isSameAs(bytes);
  }

  @Test
  void shareGivesAnIndependentShell() throws Exception {
    byte[] bytes = TestBatches.traces("checkout", 2).toByteArray();
    TraceBatch original = BatchType.TRACES.fromWire(bytes);

    TraceBatch copy = original.share();
    copy.update(TestBatches.withResourceAttribute(copy.message(), "tenant", "a"));

    assertThat(copy).isNotSameAs(original);
    assertThat(original.toByteArray()).isSameAs(bytes);
    assertThat(original.isDecoded()).isFalse();
    assertThat(TestBatches.resourceAttribute(original.message(), "tenant")).isNull();
    assertThat(TestBatches.resourceAttribute(copy.message(), "tenant")).isEqualTo("a");
    assertThat(BatchType.TRACES.parser().parseFrom(copy.toByteArray())).isEqualTo(copy.message());
  }

  @Test
  void anUpdateOfTheOriginalDoesNotShowInTheShare() {
    TraceBatch original = TestBatches.traceBatch("checkout", 2);
    TraceBatch copy = original.share();

    original.update(TestBatches.traces("other", 5));

    assertThat(copy.itemCount()).isEqualTo(2);
    assertThat(TestBatches.resourceAttribute(copy.message(), "service.name")).isEqualTo("checkout");
  }

  @Test
  void aBatchFromAMessageCountsAndEncodesOnDemand() {
    ExportTraceServiceRequest request = TestBatches.traces("svc", 7);

    TraceBatch batch = BatchType.TRACES.fromMessage(request);

    assertThat(batch.isDecoded()).isTrue();
    assertThat(batch.hasWireBytes()).isFalse();
    assertThat(batch.itemCount()).isEqualTo(7);
    assertThat(batch.toByteArray()).isEqualTo(request.toByteArray());
    assertThat(batch.hasWireBytes()).isTrue();
    assertThat(batch)
        .hasToString("traces batch of 7 spans, " + request.getSerializedSize() + " bytes");
  }

  @Test
  void countsSpansAcrossResourcesAndScopes() {
    ExportTraceServiceRequest one = TestBatches.traces("a", 2);
    ExportTraceServiceRequest request =
        one.toBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder(TestBatches.traces("b", 3).getResourceSpans(0))
                    .addScopeSpans(TestBatches.traces("b", 4).getResourceSpans(0).getScopeSpans(0)))
            .addResourceSpans(ResourceSpans.getDefaultInstance())
            .build();

    assertThat(BatchType.TRACES.fromWire(request.toByteArray()).itemCount()).isEqualTo(9);
    assertThat(BatchType.TRACES.fromMessage(request).itemCount()).isEqualTo(9);
  }

  @Test
  void countsMetricDataPointsOfEveryKind() {
    NumberDataPoint number = NumberDataPoint.newBuilder().setAsInt(1).build();
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("gauge")
                                    .setGauge(
                                        Gauge.newBuilder()
                                            .addDataPoints(number)
                                            .addDataPoints(number)))
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("sum")
                                    .setSum(
                                        Sum.newBuilder()
                                            .addDataPoints(number)
                                            .addDataPoints(number)
                                            .addDataPoints(number)))
                            .addMetrics(Metric.newBuilder().setName("no data")))
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("histogram")
                                    .setHistogram(
                                        Histogram.newBuilder()
                                            .addDataPoints(
                                                HistogramDataPoint.newBuilder().setCount(3))))
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("exponential")
                                    .setExponentialHistogram(
                                        ExponentialHistogram.newBuilder()
                                            .addDataPoints(
                                                ExponentialHistogramDataPoint.getDefaultInstance())
                                            .addDataPoints(
                                                ExponentialHistogramDataPoint.newBuilder()
                                                    .setCount(2)))))
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("summary")
                                    .setSummary(
                                        Summary.newBuilder()
                                            .addDataPoints(
                                                SummaryDataPoint.newBuilder().setCount(1))))))
            .build();

    MetricBatch fromWire = BatchType.METRICS.fromWire(request.toByteArray());
    MetricBatch fromMessage = BatchType.METRICS.fromMessage(request);

    assertThat(fromWire.itemCount()).isEqualTo(9);
    assertThat(fromMessage.itemCount()).isEqualTo(9);
    assertThat(fromWire.signal()).isEqualTo(Signal.METRICS);
    assertThat(BatchType.METRICS.fromMessage(TestBatches.emptyMetrics()).itemCount()).isZero();
  }

  @Test
  void countsLogRecords() {
    LogBatch batch = BatchType.LOGS.fromWire(TestBatches.logs(5).toByteArray());

    assertThat(batch.itemCount()).isEqualTo(5);
    assertThat(batch.signal()).isEqualTo(Signal.LOGS);
    assertThat(batch.message().getResourceLogs(0).getScopeLogs(0).getLogRecordsCount())
        .isEqualTo(5);
  }

  @Test
  void malformedBytesAreRejected() {
    byte[] valid = TestBatches.traces("checkout", 3).toByteArray();
    byte[] truncated = Arrays.copyOf(valid, valid.length - 5);

    assertThatThrownBy(() -> BatchType.TRACES.fromWire(truncated))
        .isInstanceOf(MalformedBatchException.class);
    assertThatThrownBy(() -> BatchType.TRACES.fromWire(new byte[] {(byte) 0xff, (byte) 0xff}))
        .isInstanceOf(MalformedBatchException.class);
    assertThatThrownBy(() -> BatchType.LOGS.fromWire(new byte[] {0x0a, 0x10, 0x01}))
        .isInstanceOf(MalformedBatchException.class);
  }

  @Test
  void emptyBytesAreAnEmptyRequest() {
    TraceBatch batch = BatchType.TRACES.fromWire(new byte[0]);

    assertThat(batch.itemCount()).isZero();
    assertThat(batch.message()).isEqualTo(ExportTraceServiceRequest.getDefaultInstance());
  }

  @Test
  void batchTypesKnowTheirSignal() {
    assertThat(BatchType.of(Signal.TRACES)).isSameAs(BatchType.TRACES);
    assertThat(BatchType.of(Signal.METRICS)).isSameAs(BatchType.METRICS);
    assertThat(BatchType.of(Signal.LOGS)).isSameAs(BatchType.LOGS);
    assertThat(BatchType.LOGS.defaultInstance())
        .isSameAs(
            io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest.getDefaultInstance());
  }

  @Test
  void aSharedBatchHoldsTheTicketUntilEveryHolderReleases() {
    AtomicLong freed = new AtomicLong();
    TraceBatch original = TestBatches.traceBatch("checkout", 1);
    original.attach(new CountedTicket(100, freed::addAndGet));
    TraceBatch copy = original.share();

    original.release();
    assertThat(freed).hasValue(0);
    original.release(); // a second release of one batch does nothing
    assertThat(freed).hasValue(0);
    copy.release();
    assertThat(freed).hasValue(100);
  }
}
