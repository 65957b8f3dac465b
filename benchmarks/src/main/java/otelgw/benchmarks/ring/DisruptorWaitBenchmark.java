package otelgw.benchmarks.ring;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bare Disruptor ring like the pipeline's (multi-producer, 1024 slots, one consumer), to compare
 * wait strategies. {@code roundTrip}: publish one event and wait until the consumer has taken it,
 * the wake-up latency an idle pipeline adds to a request. {@code burst}: publish 64 events back to
 * back, then wait for the last, the cost per event when the consumer is busy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DisruptorWaitBenchmark {

  private static final EventTranslatorOneArg<Slot, Object> PUT =
      (slot, sequence, value) -> slot.value = value;

  @Param({"liteTimeoutBlocking", "timeoutBlocking", "blocking", "sleeping", "yielding"})
  public String waitStrategy;

  private RingBuffer<Slot> ring;
  private BatchEventProcessor<Slot> processor;
  private Thread consumer;
  private final Object payload = new Object();
  private volatile long consumed = -1;

  static final class Slot {
    Object value;
  }

  @Setup
  public void setUp() {
    ring = RingBuffer.createMultiProducer(Slot::new, 1024, strategy(waitStrategy));
    EventHandler<Slot> handler =
        new EventHandler<>() {
          @Override
          public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            slot.value = null;
            if (endOfBatch) {
              consumed = sequence;
            }
          }
        };
    processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
    ring.addGatingSequences(processor.getSequence());
    consumer = new Thread(processor, "disruptor-consumer");
    consumer.setDaemon(true);
    consumer.start();
  }

  @Benchmark
  public void roundTrip() {
    ring.publishEvent(PUT, payload);
    long sequence = ring.getCursor();
    while (consumed < sequence) {
      Thread.onSpinWait();
    }
  }

  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(64)
  public void burst() {
    for (int i = 0; i < 64; i++) {
      ring.publishEvent(PUT, payload);
    }
    long sequence = ring.getCursor();
    while (consumed < sequence) {
      Thread.onSpinWait();
    }
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    processor.halt();
    consumer.join(1000);
  }

  private static WaitStrategy strategy(String name) {
    return switch (name) {
      case "liteTimeoutBlocking" -> new LiteTimeoutBlockingWaitStrategy(50, TimeUnit.MILLISECONDS);
      case "timeoutBlocking" -> new TimeoutBlockingWaitStrategy(50, TimeUnit.MILLISECONDS);
      case "blocking" -> new BlockingWaitStrategy();
      case "sleeping" -> new SleepingWaitStrategy();
      case "yielding" -> new YieldingWaitStrategy();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
