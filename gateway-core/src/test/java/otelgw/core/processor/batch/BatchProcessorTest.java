package otelgw.core.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.LogBatch;
import otelgw.core.batch.MetricBatch;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.TraceBatch;
import otelgw.core.processor.CountingTicket;
import otelgw.core.processor.Processors;
import otelgw.core.processor.TestSink;
import otelgw.core.telemetry.MetricNames;

class BatchProcessorTest {

  private final AtomicLong clock = new AtomicLong();
  private final TestSink<TraceBatch> sink = new TestSink<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private BatchSendMeters meters(Signal signal) {
    return new BatchSendMeters(ComponentId.parse("batch"), signal, registry);
  }

  private BatchProcessor<TraceBatch> processor(String yaml) {
    return new BatchProcessor<>(
        BatchType.TRACES,
        Processors.config(new BatchProcessorFactory(), yaml),
        sink,
        clock::get,
        meters(Signal.TRACES));
  }

  @Test
  void manySmallRequestsLeaveAsFewLargeOnesWithTheirResourcesConcatenated() {
    BatchProcessor<TraceBatch> batcher = processor("send_batch_size: 100\ntimeout: 10s\n");
    List<ExportTraceServiceRequest> sent = new ArrayList<>();
    List<byte[]> arrived = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      ExportTraceServiceRequest request = TestBatches.traces("service-" + i, 10);
      sent.add(request);
      arrived.add(request.toByteArray());
      batcher.consume(BatchType.TRACES.fromWire(arrived.get(i)));
    }

    assertThat(sink.batches()).hasSize(5).allMatch(b -> b.itemCount() == 100);
    for (int i = 0; i < 10; i++) {
      // Merged without copying: the requests' own arrays, in order.
      assertThat(sink.batches().get(0).wireChunks().get(i)).isSameAs(arrived.get(i));
    }
    for (int b = 0; b < 5; b++) {
      ExportTraceServiceRequest.Builder expected = ExportTraceServiceRequest.newBuilder();
      for (int i = 0; i < 10; i++) {
        expected.addAllResourceSpans(sent.get(b * 10 + i).getResourceSpansList());
      }
      TraceBatch merged = sink.batches().get(b);
      assertThat(merged.isDecoded()).isFalse();
      assertThat(merged.message()).isEqualTo(expected.build());
    }
  }

  @Test
  void anEmptyRingSendsWhatIsHeldAtOnce() {
    BatchProcessor<TraceBatch> batcher = processor("{}");
    for (int i = 0; i < 3; i++) {
      batcher.consume(TestBatches.traceBatch("s", 10));
    }
    assertThat(sink.batches()).isEmpty();

    batcher.flush();

    assertThat(sink.only().itemCount()).isEqualTo(30);
    batcher.flush();
    assertThat(sink.batches()).hasSize(1);
  }

  @Test
  void nothingWaitsLongerThanTheTimeoutWhileDataKeepsComing() {
    BatchProcessor<TraceBatch> batcher = processor("timeout: 200ms\n");
    long step = Duration.ofMillis(30).toNanos();
    List<Long> arrivals = new ArrayList<>();
    List<Long> sentAt = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      clock.set(i * step);
      arrivals.add(clock.get());
      int before = sink.batches().size();
      batcher.consume(TestBatches.traceBatch("s", 1));
      for (int b = before; b < sink.batches().size(); b++) {
        sentAt.add(clock.get());
      }
    }
    batcher.flush();

    assertThat(sink.items()).isEqualTo(40);
    // Each batch sent is the spans that arrived within one timeout of the first of them.
    int first = 0;
    for (int b = 0; b < sentAt.size(); b++) {
      int items = sink.batches().get(b).itemCount();
      assertThat(sentAt.get(b) - arrivals.get(first))
          .isLessThanOrEqualTo(Duration.ofMillis(230).toNanos());
      assertThat(arrivals.get(first + items - 1) - arrivals.get(first))
          .isLessThan(Duration.ofMillis(200).toNanos());
      first += items;
    }
    assertThat(sink.batches()).hasSizeGreaterThan(5);
  }

  @Test
  void countsTheSizeOfEachBatchSentAndWhatSentIt() {
    BatchProcessor<TraceBatch> batcher = processor("send_batch_size: 20\ntimeout: 200ms\n");

    batcher.consume(TestBatches.traceBatch("a", 15));
    batcher.consume(TestBatches.traceBatch("b", 10)); // 25 items: sent for its size
    batcher.consume(TestBatches.traceBatch("c", 4));
    clock.set(Duration.ofMillis(250).toNanos());
    batcher.consume(TestBatches.traceBatch("d", 3)); // "c" waited the timeout: sent alone
    batcher.flush(); // the ring ran empty: "d" goes

    assertThat(sink.batches()).extracting(TraceBatch::itemCount).containsExactly(25, 4, 3);
    DistributionSummary sizes =
        registry
            .get(MetricNames.BATCH_SEND_SIZE)
            .tags("processor", "batch", "otel_signal", "traces")
            .summary();
    assertThat(sizes.count()).isEqualTo(3);
    assertThat(sizes.totalAmount()).isEqualTo(32);
    assertThat(sends(MetricNames.BATCH_SIZE_TRIGGER)).isEqualTo(1);
    assertThat(sends(MetricNames.BATCH_TIMEOUT_TRIGGER)).isEqualTo(1);
    assertThat(sends(MetricNames.BATCH_IDLE_TRIGGER)).isEqualTo(1);
  }

  private double sends(String trigger) {
    return registry.get(trigger).tag("processor", "batch").counter().count();
  }

  @Test
  void aZeroTimeoutSendsEveryRequestAtOnce() {
    BatchProcessor<TraceBatch> batcher = processor("timeout: 0s\n");

    batcher.consume(TestBatches.traceBatch("a", 2));
    batcher.consume(TestBatches.traceBatch("b", 3));

    assertThat(sink.batches()).extracting(TraceBatch::itemCount).containsExactly(2, 3);
  }

  @Test
  void theByteCapIsRespected() {
    int requestBytes = TestBatches.traces("s", 10).getSerializedSize();
    long cap = requestBytes * 3L + requestBytes / 2;
    BatchProcessor<TraceBatch> batcher = processor("send_batch_max_bytes: " + cap + "\n");

    for (int i = 0; i < 20; i++) {
      batcher.consume(TestBatches.traceBatch("s", 10));
    }
    batcher.flush();

    assertThat(sink.items()).isEqualTo(200);
    assertThat(sink.batches()).allMatch(b -> b.byteSize() <= cap);
    assertThat(sink.batches()).hasSize(7);
  }

  @Test
  void theItemCapSendsBeforeABatchWouldGoOverIt() {
    BatchProcessor<TraceBatch> batcher =
        processor("send_batch_size: 25\nsend_batch_max_size: 25\n");

    for (int i = 0; i < 5; i++) {
      batcher.consume(TestBatches.traceBatch("s", 10));
    }
    batcher.flush();

    assertThat(sink.batches()).extracting(TraceBatch::itemCount).containsExactly(20, 20, 10);
  }

  @Test
  void mergingMovesTicketsToTheMergedBatch() {
    BatchProcessor<TraceBatch> batcher = processor("{}");
    List<CountingTicket> tickets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TraceBatch batch = TestBatches.traceBatch("s", 5);
      CountingTicket ticket = new CountingTicket();
      batch.attach(ticket);
      tickets.add(ticket);
      batcher.consume(batch);
    }
    batcher.flush();

    assertThat(tickets).allMatch(t -> t.holders() == 1 && t.releases() == 0);
    sink.only().release();
    assertThat(tickets).allMatch(t -> t.holders() == 0 && t.releases() == 1);
  }

  @Test
  void anOversizedRequestIsSplitWithEverySpanUnderItsOwnResourceAndScope() {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    for (int r = 0; r < 3; r++) {
      ResourceSpans.Builder resource =
          ResourceSpans.newBuilder()
              .setResource(resource("service-" + r))
              .setSchemaUrl("schema-" + r);
      for (int s = 0; s < 2; s++) {
        ScopeSpans.Builder scope =
            ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("scope-" + r + s));
        for (int i = 0; i < 10; i++) {
          scope.addSpans(Span.newBuilder().setName(r + "/" + s + "/" + i));
        }
        resource.addScopeSpans(scope);
      }
      request.addResourceSpans(resource);
    }
    TraceBatch batch = BatchType.TRACES.fromWire(request.build().toByteArray());
    CountingTicket ticket = new CountingTicket();
    batch.attach(ticket);

    BatchProcessor<TraceBatch> batcher = processor("send_batch_size: 7\nsend_batch_max_size: 7\n");
    batcher.consume(batch);
    batcher.flush();

    List<String> seen = new ArrayList<>();
    for (TraceBatch part : sink.batches()) {
      assertThat(part.itemCount()).isLessThanOrEqualTo(7);
      for (ResourceSpans resource : part.message().getResourceSpansList()) {
        String service = resource.getResource().getAttributes(0).getValue().getStringValue();
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            String[] at = span.getName().split("/");
            assertThat(service).isEqualTo("service-" + at[0]);
            assertThat(resource.getSchemaUrl()).isEqualTo("schema-" + at[0]);
            assertThat(scope.getScope().getName()).isEqualTo("scope-" + at[0] + at[1]);
            seen.add(span.getName());
          }
        }
      }
    }
    assertThat(seen).hasSize(60).isSortedAccordingTo(BatchProcessorTest::byPosition);
    assertThat(ticket.holders()).isEqualTo(sink.batches().size());
    sink.batches().forEach(TraceBatch::release);
    assertThat(ticket.holders()).isZero();
  }

  @Test
  void splitPartsStayUnderTheByteCap() {
    ExportTraceServiceRequest request = TestBatches.traces("s", 500);
    long cap = request.getSerializedSize() / 7;
    BatchProcessor<TraceBatch> batcher = processor("send_batch_max_bytes: " + cap + "\n");

    batcher.consume(BatchType.TRACES.fromWire(request.toByteArray()));
    batcher.flush();

    assertThat(sink.items()).isEqualTo(500);
    assertThat(sink.batches()).hasSizeBetween(8, 9);
    assertThat(sink.batches()).allMatch(b -> b.message().getSerializedSize() <= cap);
  }

  @Test
  void aMetricWithManyPointsIsSplitBetweenPointsWithItsDescriptionCopied() {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (int i = 0; i < 50; i++) {
      gauge.addDataPoints(NumberDataPoint.newBuilder().setAsInt(i));
    }
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(resource("m"))
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("small")
                                    .setGauge(
                                        Gauge.newBuilder()
                                            .addDataPoints(
                                                NumberDataPoint.newBuilder().setAsInt(-1))))
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("queue.depth")
                                    .setUnit("1")
                                    .setGauge(gauge))))
            .build();
    TestSink<MetricBatch> metrics = new TestSink<>();
    BatchProcessor<MetricBatch> batcher =
        new BatchProcessor<>(
            BatchType.METRICS,
            Processors.config(
                new BatchProcessorFactory(), "send_batch_size: 8\nsend_batch_max_size: 8\n"),
            metrics,
            clock::get,
            meters(Signal.METRICS));

    batcher.consume(BatchType.METRICS.fromWire(request.toByteArray()));
    batcher.flush();

    List<Long> values = new ArrayList<>();
    for (MetricBatch part : metrics.batches()) {
      assertThat(part.itemCount()).isLessThanOrEqualTo(8);
      for (Metric metric :
          part.message().getResourceMetrics(0).getScopeMetrics(0).getMetricsList()) {
        if (metric.getName().equals("queue.depth")) {
          assertThat(metric.getUnit()).isEqualTo("1");
          metric.getGauge().getDataPointsList().forEach(p -> values.add(p.getAsInt()));
        }
      }
    }
    assertThat(metrics.batches())
        .extracting(MetricBatch::itemCount)
        .containsExactly(8, 8, 8, 8, 8, 8, 3);
    assertThat(values).hasSize(50).isSorted();
  }

  @Test
  void logsMergeTheSameWayAndDecodedBatchesAreHeldAsBytes() {
    TestSink<LogBatch> logs = new TestSink<>();
    BatchProcessor<LogBatch> batcher =
        new BatchProcessor<>(
            BatchType.LOGS,
            Processors.config(new BatchProcessorFactory(), "{}"),
            logs,
            clock::get,
            meters(Signal.LOGS));
    ExportLogsServiceRequest first = TestBatches.logs(2);
    ExportLogsServiceRequest second = TestBatches.logs(3);

    LogBatch firstBatch = BatchType.LOGS.fromMessage(first);
    batcher.consume(firstBatch);

    assertThat(firstBatch.isDecoded()).isFalse(); // waits as its bytes, not as objects
    assertThat(firstBatch.itemCount()).isEqualTo(2);

    batcher.consume(BatchType.LOGS.fromMessage(second));
    batcher.flush();

    assertThat(logs.only().isDecoded()).isFalse();
    assertThat(logs.only().itemCount()).isEqualTo(5);
    assertThat(logs.only().message())
        .isEqualTo(first.toBuilder().addAllResourceLogs(second.getResourceLogsList()).build());
  }

  @Test
  void anEmptyRequestIsReleasedNotSent() {
    BatchProcessor<TraceBatch> batcher = processor("{}");
    TraceBatch empty = BatchType.TRACES.fromWire(new byte[0]);
    CountingTicket ticket = new CountingTicket();
    empty.attach(ticket);

    batcher.consume(empty);
    batcher.flush();

    assertThat(sink.batches()).isEmpty();
    assertThat(ticket.holders()).isZero();
  }

  @Test
  void shutdownSendsWhatIsStillHeld() {
    BatchProcessor<TraceBatch> batcher = processor("{}");
    batcher.consume(TestBatches.traceBatch("s", 4));

    batcher.shutdown(Duration.ofSeconds(1));
    batcher.shutdown(Duration.ofSeconds(1));

    assertThat(sink.only().itemCount()).isEqualTo(4);
  }

  private static int byPosition(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Resource resource(String service) {
    return Resource.newBuilder()
        .addAttributes(
            KeyValue.newBuilder()
                .setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue(service)))
        .build();
  }
}
