package otelgw.core.exporterhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static otelgw.core.exporterhelper.Fakes.count;
import static otelgw.core.exporterhelper.Fakes.dropped;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.QueueSettings;
import otelgw.config.QueueSettings.Merging;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.Ticket;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.ExporterSettings;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.error.RetryableException;
import otelgw.core.telemetry.ListLogger;
import otelgw.core.telemetry.MetricNames;

class QueuedRetryExporterTest {

  private static final String SENT = MetricNames.exporterSent(Signal.TRACES);
  private static final String SEND_FAILED = MetricNames.exporterSendFailed(Signal.TRACES);
  private static final String ENQUEUE_FAILED = MetricNames.exporterEnqueueFailed(Signal.TRACES);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GatedTransport transport = new GatedTransport();
  private final ListLogger log = new ListLogger();
  private QueuedRetryExporter exporter;

  @AfterEach
  void tearDown() {
    transport.gate.countDown();
    if (exporter != null) {
      exporter.shutdown(Duration.ofSeconds(1));
    }
  }

  /** A transport whose sender waits at a gate, sending on once the gate opens. */
  static final class GatedTransport implements Transport {
    final CountDownLatch gate = new CountDownLatch(1);
    final List<Batch<?>> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    volatile boolean gated = true;

    @Override
    public <B extends Batch<?>> Sender<B> sender(BatchType<?, B> type) {
      return batch -> {
        inFlight.incrementAndGet();
        try {
          if (gated && !gate.await(10, TimeUnit.SECONDS)) {
            throw new RetryableException("gate never opened");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RetryableException("interrupted");
        } finally {
          inFlight.decrementAndGet();
        }
        sent.add(batch);
        return PartialSuccess.NONE;
      };
    }

    @Override
    public void start() {
      lifecycle.add("start");
    }

    @Override
    public void shutdown(Duration deadline) {
      lifecycle.add("shutdown");
    }
  }

  private BatchConsumer<TraceBatch> exporter(Optional<QueueSettings> queue) {
    exporter =
        new QueuedRetryExporter(
            new ExporterSettings(ComponentId.parse("otlp/test"), Set.of(Signal.TRACES), meters),
            queue,
            Optional.empty(),
            transport,
            log);
    return exporter.consumer(BatchType.TRACES);
  }

  /** One consumer, each batch its own call (so that a test can tell the calls apart). */
  private static Optional<QueueSettings> queue(int size, boolean block) {
    return Optional.of(
        new QueueSettings(1, size, QueueSettings.Sizer.REQUESTS, block, Merging.OFF));
  }

  private static Optional<QueueSettings> merging(Merging merging) {
    return Optional.of(new QueueSettings(1, 100, QueueSettings.Sizer.REQUESTS, true, merging));
  }

  /**
   * Sends {@code first} to the one consumer, which holds it at the gate, queues {@code behind}
   * meanwhile, and opens the gate: what follows is what the consumer makes of the backlog.
   */
  private void backlogBehindAHeldCall(
      BatchConsumer<TraceBatch> consumer, TraceBatch first, TraceBatch... behind) throws Exception {
    exporter.start();
    consumer.consume(first);
    await().until(() -> transport.inFlight.get() == 1);
    for (TraceBatch batch : behind) {
      consumer.consume(batch);
    }
    transport.gate.countDown();
  }

  private static TraceBatch spans(int count) {
    return TestBatches.traceBatch("svc", count);
  }

  @Test
  void anIdleConsumerDoesNotHoldOnToTheLastBatchItSent() throws Exception {
    transport.gated = false;
    BatchConsumer<TraceBatch> consumer = exporter(queue(10, true));
    exporter.start();
    WeakReference<TraceBatch> sent = sendAndForget(consumer);
    await().atMost(Duration.ofSeconds(10)).until(() -> transport.sent.size() == 1);
    transport.sent.clear();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              System.gc();
              return sent.get() == null;
            });
  }

  // In a method of its own, so that no local of the test keeps the batch reachable.
  private static WeakReference<TraceBatch> sendAndForget(BatchConsumer<TraceBatch> consumer) {
    TraceBatch batch = spans(10);
    consumer.consume(batch);
    return new WeakReference<>(batch);
  }

  @Test
  void aConsumerSendsTheBatchesQueuedBehindTheOneItTakesAsOneRequest() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(merging(Merging.DEFAULT));
    List<CountingTicket> tickets = List.of(new CountingTicket(), new CountingTicket());
    TraceBatch second = spans(2);
    TraceBatch third = spans(3);
    second.attach(tickets.get(0));
    third.attach(tickets.get(1));

    backlogBehindAHeldCall(consumer, spans(1), second, third, spans(4));

    await().until(() -> count(meters, SENT) == 10);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 9);
    Batch<?> merged = transport.sent.get(1);
    assertThat(((TraceBatch) merged).message().getResourceSpansCount()).isEqualTo(3);
    assertThat(merged.byteSize())
        .isEqualTo(second.byteSize() + third.byteSize() + spans(4).byteSize());
    assertThat(tickets).allSatisfy(t -> assertThat(t.released.get()).isEqualTo(1));
  }

  @Test
  void mergingStopsAtTheItemCap() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(merging(new Merging(true, 5, 1 << 20)));

    backlogBehindAHeldCall(consumer, spans(1), spans(2), spans(3), spans(4), spans(1));

    await().until(() -> count(meters, SENT) == 11);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 5, 5);
  }

  @Test
  void mergingStopsAtTheByteCap() throws Exception {
    int two = spans(2).byteSize();
    BatchConsumer<TraceBatch> consumer = exporter(merging(new Merging(true, 8192, two * 2)));

    backlogBehindAHeldCall(consumer, spans(1), spans(2), spans(2), spans(2));

    await().until(() -> count(meters, SENT) == 7);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 4, 2);
  }

  @Test
  void aBatchOverTheCapsAloneIsSentWholeAndAlone() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(merging(new Merging(true, 2, 1 << 20)));

    backlogBehindAHeldCall(consumer, spans(1), spans(5), spans(1));

    await().until(() -> count(meters, SENT) == 7);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 5, 1);
  }

  @Test
  void withMergingOffEveryQueuedBatchIsACallOfItsOwn() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(merging(Merging.OFF));

    backlogBehindAHeldCall(consumer, spans(1), spans(2), spans(3));

    await().until(() -> count(meters, SENT) == 6);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 2, 3);
  }

  /** Counts its releases. */
  private static final class CountingTicket implements Ticket {
    final AtomicInteger released = new AtomicInteger();

    @Override
    public Ticket retain() {
      return this;
    }

    @Override
    public void release() {
      released.incrementAndGet();
    }
  }

  @Test
  void theSameConsumerIsReturnedForOneType() {
    BatchConsumer<TraceBatch> consumer = exporter(queue(10, true));

    assertThat(exporter.consumer(BatchType.TRACES)).isSameAs(consumer);
  }

  @Test
  void withoutAQueueConsumeSendsOnTheCallingThread() throws Exception {
    transport.gated = false;
    BatchConsumer<TraceBatch> consumer = exporter(Optional.empty());
    exporter.start();

    consumer.consume(spans(3));

    assertThat(transport.sent).hasSize(1);
    assertThat(count(meters, SENT, "exporter", "otlp/test")).isEqualTo(3);
  }

  @Test
  void blockOnOverflowMakesConsumeWaitForRoomAndThenGoOn() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(queue(1, true));
    exporter.start();
    consumer.consume(spans(1)); // taken by the one consumer thread, held at the gate
    await().until(() -> transport.inFlight.get() == 1);
    consumer.consume(spans(2)); // fills the queue

    AtomicReference<Thread> pipeline = new AtomicReference<>();
    CompletableFuture<Void> third =
        CompletableFuture.runAsync(
            () -> {
              pipeline.set(Thread.currentThread());
              consumer.consume(spans(4));
            });
    await()
        .until(() -> pipeline.get() != null && pipeline.get().getState() == Thread.State.WAITING);
    assertThat(third).isNotDone();
    assertThat(meters.get(MetricNames.EXPORTER_QUEUE_SIZE).gauge().value()).isEqualTo(1);
    assertThat(meters.get(MetricNames.EXPORTER_QUEUE_CAPACITY).gauge().value()).isEqualTo(1);

    transport.gate.countDown();

    third.get(5, TimeUnit.SECONDS);
    await().until(() -> count(meters, SENT) == 7);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 2, 4);
    assertThat(count(meters, ENQUEUE_FAILED)).isZero();
    assertThat(dropped(meters, "queue_full")).isZero();
  }

  @Test
  void withoutBlockOnOverflowAFullQueueDropsAndCounts() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(queue(1, false));
    exporter.start();
    consumer.consume(spans(1));
    await().until(() -> transport.inFlight.get() == 1);
    consumer.consume(spans(2));

    consumer.consume(spans(4)); // returns at once: dropped

    assertThat(count(meters, ENQUEUE_FAILED, "exporter", "otlp/test")).isEqualTo(4);
    assertThat(dropped(meters, "queue_full")).isEqualTo(4);
    transport.gate.countDown();
    await().until(() -> count(meters, SENT) == 3);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 2);
  }

  @Test
  void anItemsSizerBoundsByItems() throws Exception {
    BatchConsumer<TraceBatch> consumer =
        exporter(Optional.of(new QueueSettings(1, 10, QueueSettings.Sizer.ITEMS, false)));
    // Not started: nothing takes from the queue.

    consumer.consume(spans(6));
    consumer.consume(spans(6));
    consumer.consume(spans(4));

    assertThat(meters.get(MetricNames.EXPORTER_QUEUE_SIZE).gauge().value()).isEqualTo(10);
    assertThat(count(meters, ENQUEUE_FAILED)).isEqualTo(6);
  }

  @Test
  void aBytesSizerBoundsByBytes() throws Exception {
    int bytes = spans(5).byteSize();
    // Room for two batches of 5 spans, not three.
    BatchConsumer<TraceBatch> consumer =
        exporter(
            Optional.of(
                new QueueSettings(1, bytes * 2 + bytes / 2, QueueSettings.Sizer.BYTES, false)));
    // Not started: nothing takes from the queue.

    consumer.consume(spans(5));
    consumer.consume(spans(5));
    consumer.consume(spans(5));

    assertThat(bytes).isGreaterThan(10);
    assertThat(meters.get(MetricNames.EXPORTER_QUEUE_SIZE).gauge().value()).isEqualTo(2 * bytes);
    assertThat(count(meters, ENQUEUE_FAILED)).isEqualTo(5);
    assertThat(dropped(meters, "queue_full")).isEqualTo(5);

    // A small batch still fits in what is left.
    TraceBatch small = spans(1);
    assertThat(small.byteSize()).isLessThan(bytes / 2);
    consumer.consume(small);
    assertThat(meters.get(MetricNames.EXPORTER_QUEUE_SIZE).gauge().value())
        .isEqualTo(2 * bytes + small.byteSize());
    assertThat(count(meters, ENQUEUE_FAILED)).isEqualTo(5);
  }

  @Test
  void shutdownDrainsTheQueueBeforeItReturns() throws Exception {
    transport.gated = false;
    BatchConsumer<TraceBatch> consumer = exporter(queue(10, true));
    for (int i = 1; i <= 5; i++) {
      consumer.consume(spans(i)); // queued before start: no consumer yet
    }
    exporter.start();

    exporter.shutdown(Duration.ofSeconds(5));

    assertThat(count(meters, SENT)).isEqualTo(15);
    assertThat(transport.sent).extracting(Batch::itemCount).containsExactly(1, 2, 3, 4, 5);
    assertThat(dropped(meters, "shutdown")).isZero();
    assertThat(transport.lifecycle).containsExactly("start", "shutdown");
    assertThat(log.lines).as("nothing to report when everything was delivered").isEmpty();
  }

  @Test
  void shutdownGivesUpAtItsDeadlineAndCountsWhatIsLeftAsDropped() throws Exception {
    BatchConsumer<TraceBatch> consumer = exporter(queue(10, true));
    exporter.start();
    consumer.consume(spans(1));
    await().until(() -> transport.inFlight.get() == 1); // stuck at the gate
    consumer.consume(spans(2));
    consumer.consume(spans(3));

    assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> exporter.shutdown(Duration.ofMillis(100)));

    // The two queued batches and the one in flight (interrupted, not retried) are all dropped.
    assertThat(dropped(meters, "shutdown")).isEqualTo(6);
    assertThat(count(meters, SEND_FAILED)).isEqualTo(6);
    assertThat(count(meters, SENT)).isZero();
    assertThat(transport.sent).isEmpty();
    assertThat(log.lines)
        .containsExactly(
            "WARN exporter otlp/test: could not deliver everything within the shutdown grace"
                + " period (100 ms left for it); dropped 6 spans (counted as otelgw.dropped with"
                + " reason=shutdown)");

    exporter.shutdown(Duration.ofMillis(100));
    assertThat(log.lines).as("a second shutdown has nothing more to report").hasSize(1);
  }

  @Test
  void consumeAfterShutdownIsCountedNotLost() {
    BatchConsumer<TraceBatch> consumer = exporter(queue(10, true));
    exporter.shutdown(Duration.ZERO);

    consumer.consume(spans(2));

    assertThat(count(meters, ENQUEUE_FAILED)).isEqualTo(2);
    assertThat(dropped(meters, "shutdown")).isEqualTo(2);
    assertThat(dropped(meters, "queue_full")).isZero();
  }

  @Test
  void shutdownTwiceAndWithoutStartIsSafe() {
    exporter(queue(10, true));

    assertThatCode(
            () -> {
              exporter.shutdown(Duration.ofMillis(10));
              exporter.shutdown(Duration.ofMillis(10));
            })
        .doesNotThrowAnyException();
    assertThat(transport.lifecycle).doesNotContain("start");
  }
}
