package otelgw.core.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.PipelineId;
import otelgw.core.batch.Batch;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.telemetry.MetricNames;
import otelgw.core.telemetry.ThrottledLog;

/**
 * A pipeline's ring buffer: receivers publish into it from any thread without blocking, and one
 * consumer thread takes batches out in order and runs the pipeline's processors and fan-out.
 *
 * <p>The ring is the hand-off between I/O threads and pipeline work. When it is full, publishing
 * fails at once and the receiver refuses with a retryable status; an I/O thread never waits. The
 * consumer is told when the ring runs empty ({@link BatchConsumer#flush()}), and every idle {@link
 * #IDLE_TICK}, so a batching stage can send on what it holds.
 */
final class RingStage<B extends Batch<?>> {

  private static final Logger logger = LoggerFactory.getLogger(RingStage.class);

  /** How often an idle consumer wakes to let stages flush on their own timers. */
  static final Duration IDLE_TICK = Duration.ofMillis(50);

  private static final EventTranslatorOneArg<Slot, Batch<?>> PUT =
      (slot, sequence, batch) -> slot.batch = batch;

  private final PipelineId pipeline;
  private final MeterRegistry meters;
  private final RingBuffer<Slot> ring;
  private final BatchEventProcessor<Slot> processor;
  private final Counter errors;
  private final ThrottledLog errorLog;
  private volatile boolean accepting = true;
  private Thread thread;

  RingStage(PipelineId pipeline, int size, BatchConsumer<B> consumer, MeterRegistry meters) {
    this.pipeline = pipeline;
    this.meters = meters;
    this.ring =
        RingBuffer.createMultiProducer(
            Slot::new,
            size,
            new LiteTimeoutBlockingWaitStrategy(IDLE_TICK.toNanos(), TimeUnit.NANOSECONDS));
    this.processor =
        new BatchEventProcessorBuilder()
            .build(
                ring,
                ring.newBarrier(),
                new Handler<>(consumer, new MalformedDrops(pipeline, meters)));
    this.errors =
        Counter.builder(MetricNames.PIPELINE_ERRORS)
            .description("Batches lost to an unexpected exception in a pipeline stage.")
            .tag("pipeline", pipeline.toString())
            .register(meters);
    this.errorLog = new ThrottledLog(logger, Duration.ofSeconds(10));
    processor.setExceptionHandler(new CountingExceptionHandler());
    ring.addGatingSequences(processor.getSequence());
    Gauge.builder(MetricNames.RING_CAPACITY, ring, RingBuffer::getBufferSize)
        .description("Slots in the pipeline's ring buffer.")
        .tag("pipeline", pipeline.toString())
        .register(meters);
    Gauge.builder(MetricNames.RING_OCCUPANCY, this, RingStage::occupancy)
        .description("Slots of the pipeline's ring buffer holding a batch.")
        .tag("pipeline", pipeline.toString())
        .register(meters);
  }

  void start() {
    thread = new Thread(processor, "otelgw-pipeline-" + pipeline);
    thread.setDaemon(true);
    thread.start();
  }

  /** Publishes without waiting; false if the ring is full or no longer accepting. */
  boolean tryPublish(B batch) {
    return accepting && ring.tryPublishEvent(PUT, batch);
  }

  /**
   * Claims a slot without publishing, for a publish to several rings that must succeed in all or
   * none; -1 if the ring is full or no longer accepting. A claimed slot must be {@link #publish
   * published}, with {@code null} to give it up.
   */
  long tryClaim() {
    if (!accepting) {
      return -1;
    }
    try {
      return ring.tryNext();
    } catch (InsufficientCapacityException e) {
      return -1;
    }
  }

  /** Publishes a claimed slot; a {@code null} batch is skipped by the consumer. */
  void publish(long sequence, B batch) {
    ring.get(sequence).batch = batch;
    ring.publish(sequence);
  }

  long occupancy() {
    return ring.getCursor() - processor.getSequence().get();
  }

  int capacity() {
    return ring.getBufferSize();
  }

  /** Whether the consumer thread runs: false before start, after shutdown, or if it died. */
  boolean consumerAlive() {
    Thread consumer = thread;
    return consumer != null && consumer.isAlive();
  }

  /**
   * Stops accepting, then waits up to {@code deadline} for the consumer to take everything already
   * published. Returns whether the ring drained; the consumer thread is halted either way once it
   * is free (a stage blocked on a full exporter queue is released by that exporter's shutdown).
   */
  boolean drain(Duration deadline) {
    accepting = false;
    if (thread == null) {
      return true;
    }
    long until = System.nanoTime() + deadline.toNanos();
    while (occupancy() > 0 && System.nanoTime() < until) {
      LockSupport.parkNanos(1_000_000);
    }
    boolean drained = occupancy() == 0;
    processor.halt();
    return drained;
  }

  /** Waits for the consumer thread to end after {@link #drain}. */
  void awaitStopped(Duration deadline) {
    if (thread == null) {
      return;
    }
    try {
      thread.join(Math.max(1, deadline.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      logger.warn("pipeline {}: its consumer is still busy at the shutdown deadline", pipeline);
      return;
    }
    long lost = 0;
    for (long sequence = processor.getSequence().get() + 1;
        sequence <= ring.getCursor();
        sequence++) {
      Batch<?> batch = ring.get(sequence).batch;
      ring.get(sequence).batch = null;
      if (batch != null) {
        lost += batch.itemCount();
        Counter.builder(MetricNames.dropped(batch.signal()))
            .description("Items dropped after they were acknowledged, by reason.")
            .tag("component", pipeline.toString())
            .tag("reason", "shutdown")
            .register(meters)
            .increment(batch.itemCount());
        batch.release();
      }
    }
    if (lost > 0) {
      logger.warn(
          "pipeline {}: {} acknowledged items were still in the ring at the shutdown deadline and"
              + " are dropped",
          pipeline,
          lost);
    }
  }

  /** A preallocated ring slot. */
  static final class Slot {
    Batch<?> batch;
  }

  /** Runs the pipeline for each batch, in order, and clears the slot after. */
  private static final class Handler<B extends Batch<?>> implements EventHandler<Slot> {
    private final BatchConsumer<B> consumer;
    private final MalformedDrops malformed;

    Handler(BatchConsumer<B> consumer, MalformedDrops malformed) {
      this.consumer = consumer;
      this.malformed = malformed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
      Batch<?> batch = slot.batch;
      slot.batch = null; // cleared first: the slot never pins a batch, even if a stage throws
      if (batch != null) {
        try {
          consumer.consume((B) batch);
        } catch (MalformedBatchException e) {
          malformed.drop(batch, e);
        } catch (RuntimeException | Error e) {
          batch.release(); // lost to a bug: its memory must not stay reserved
          throw e;
        }
      }
      if (endOfBatch) {
        consumer.flush();
      }
    }

    @Override
    public void onTimeout(long sequence) {
      consumer.flush();
    }
  }

  /** Counts and logs (throttled) a stage's unexpected exception; the ring goes on. */
  private final class CountingExceptionHandler implements ExceptionHandler<Slot> {
    @Override
    public void handleEventException(Throwable error, long sequence, Slot slot) {
      errors.increment();
      errorLog.error("pipeline " + pipeline + ": a stage failed and a batch was lost", error);
    }

    @Override
    public void handleOnStartException(Throwable error) {
      logger.error("pipeline {}: consumer failed to start", pipeline, error);
    }

    @Override
    public void handleOnShutdownException(Throwable error) {
      logger.error("pipeline {}: consumer failed to stop", pipeline, error);
    }
  }
}
