package otelgw.core.exporterhelper;

import io.micrometer.core.instrument.Gauge;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongFunction;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.Merger;
import otelgw.core.component.ExporterSettings;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.exporterhelper.ExporterMeters.DropReason;
import otelgw.core.telemetry.MetricNames;
import otelgw.core.telemetry.SendHealth;

/**
 * One exporter's chain for one signal: bounded queue → N consumer threads → retry → send. Without a
 * queue, {@link #consume} sends (and retries) on the calling pipeline thread.
 *
 * <p>With {@code block_on_overflow} (the default), a full queue makes {@link #consume} wait: the
 * pipeline's ring fills and receivers refuse new data with a retryable status, so nothing
 * acknowledged is dropped for lack of room. Without it, a batch that does not fit is dropped and
 * counted as {@code enqueue_failed}.
 */
final class ExportChain<B extends Batch<?>> implements BatchConsumer<B> {

  private final ExporterSettings settings;
  private final BatchType<?, B> type;
  private final Optional<QueueSettings> queueSettings;
  private final BoundedQueue<B> queue;
  private final RetryingSender<B> sender;
  private final ExporterMeters meters;
  private final List<Thread> consumers = new ArrayList<>();
  private volatile double droppedBeforeShutdown;

  ExportChain(
      ExporterSettings settings,
      BatchType<?, B> type,
      Optional<QueueSettings> queueSettings,
      Optional<RetrySettings> retry,
      Sender<B> sender) {
    this.settings = settings;
    this.type = type;
    this.queueSettings = queueSettings;
    this.meters = new ExporterMeters(settings.id(), type.signal(), settings.meters());
    this.sender =
        new RetryingSender<>(
            settings.id(),
            sender,
            retry,
            meters,
            Sleeper.SYSTEM,
            System::nanoTime,
            new Random(new SecureRandom().nextLong()));
    this.queue =
        queueSettings
            .map(q -> new BoundedQueue<B>(q.queueSize(), ExportChain.<B>sizer(q)))
            .orElse(null);
    if (queue != null) {
      String exporter = settings.id().toString();
      Gauge.builder(MetricNames.EXPORTER_QUEUE_SIZE, queue, BoundedQueue::size)
          .description("Current size of the sending queue, in the unit of its sizer.")
          .tag("exporter", exporter)
          .tag("otel_signal", type.signal().configName())
          .register(settings.meters());
      Gauge.builder(MetricNames.EXPORTER_QUEUE_CAPACITY, queue, BoundedQueue::capacity)
          .description("Capacity of the sending queue, in the unit of its sizer.")
          .tag("exporter", exporter)
          .tag("otel_signal", type.signal().configName())
          .register(settings.meters());
    }
  }

  void start() {
    if (queue == null) {
      return;
    }
    int count = queueSettings.get().numConsumers();
    for (int i = 0; i < count; i++) {
      Thread thread =
          new Thread(
              this::runConsumer,
              "otelgw-export-" + settings.id() + "-" + type.signal().configName() + "-" + i);
      thread.setDaemon(true);
      thread.start();
      consumers.add(thread);
    }
  }

  @Override
  public void consume(B batch) {
    if (queue == null) {
      sender.send(batch);
      return;
    }
    boolean block = queueSettings.get().blockOnOverflow();
    boolean queued;
    try {
      queued = queue.offer(batch, block);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      queued = false;
    }
    if (!queued) {
      DropReason reason = queue.isClosed() ? DropReason.SHUTDOWN : DropReason.QUEUE_FULL;
      meters.enqueueFailed.increment(batch.itemCount());
      meters.dropped(reason).increment(batch.itemCount());
      batch.release();
    }
  }

  /** How this chain's send attempts have gone lately. */
  SendHealth sendHealth() {
    return sender.health();
  }

  /** Lets no more batches in; consumers go on sending what is queued. */
  void stopAccepting() {
    // Everything dropped for shutdown from here on is this shutdown's loss, reported by drain.
    droppedBeforeShutdown = meters.dropped(DropReason.SHUTDOWN).count();
    if (queue != null) {
      queue.close();
    }
  }

  /**
   * Waits up to {@code deadline} for the queue to empty and every consumer to finish, then gives up
   * on the rest: attempts in progress are not retried again, and what is still queued is counted as
   * dropped at shutdown.
   *
   * @return the items dropped for shutdown since {@link #stopAccepting}: left in the queue, given
   *     up on in flight, or offered after the queue closed; 0 when everything was delivered
   */
  long drain(Duration deadline) {
    drainWithin(deadline);
    sender.flushLogs();
    return Math.round(meters.dropped(DropReason.SHUTDOWN).count() - droppedBeforeShutdown);
  }

  private void drainWithin(Duration deadline) {
    if (queue == null) {
      sender.abandon();
      return;
    }
    long until = System.nanoTime() + deadline.toNanos();
    for (Thread consumer : consumers) {
      join(consumer, until);
    }
    sender.abandon();
    for (Thread consumer : consumers) {
      consumer.interrupt();
    }
    for (B left = queue.poll(); left != null; left = queue.poll()) {
      meters.sendFailed.increment(left.itemCount());
      meters.dropped(DropReason.SHUTDOWN).increment(left.itemCount());
      left.release();
    }
    for (Thread consumer : consumers) {
      join(consumer, System.nanoTime() + Duration.ofSeconds(1).toNanos());
    }
  }

  private void runConsumer() {
    try {
      while (sendNext()) {
        // Each batch lives in sendNext's frame only: a loop variable would still hold the last
        // batch sent while the thread waits for the next, and an idle exporter's consumers would
        // pin theirs (10 merged batches, 30 MiB of "live" heap that kept a memory limiter
        // refusing with nothing in flight).
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes the next batch, with the batches queued behind it that fit, and sends them as one; false
   * once the queue is closed and empty.
   */
  private boolean sendNext() throws InterruptedException {
    B batch = queue.take();
    if (batch == null) {
      return false;
    }
    sender.send(withQueuedBehind(batch));
    return true;
  }

  /**
   * {@code first} merged with the batches waiting behind it, within the caps (see {@link
   * QueueSettings.Merging}). Merging is the concatenation of their bytes.
   */
  private B withQueuedBehind(B first) {
    QueueSettings.Merging merging = queueSettings.get().merging();
    if (!merging.enabled()) {
      return first;
    }
    MergeBudget<B> budget = new MergeBudget<>(merging, first);
    B next = queue.pollIf(budget);
    if (next == null) {
      return first; // the common case: the backend keeps up and nothing waits
    }
    List<B> parts = new ArrayList<>();
    parts.add(first);
    do {
      parts.add(next);
      next = queue.pollIf(budget);
    } while (next != null);
    return Merger.merge(type, parts);
  }

  private static void join(Thread thread, long untilNanos) {
    long millis = Math.max(1, (untilNanos - System.nanoTime()) / 1_000_000);
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <B extends Batch<?>> ToLongFunction<B> sizer(QueueSettings q) {
    return switch (q.sizer()) {
      case REQUESTS -> batch -> 1;
      case ITEMS -> Batch::itemCount;
      case BYTES -> Batch::byteSize;
    };
  }
}
