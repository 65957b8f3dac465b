package otelgw.config;

import java.util.Optional;
import java.util.Set;

/**
 * An exporter's {@code sending_queue}, with the Collector's keys and defaults. Present when
 * enabled; an exporter without a queue sends on the pipeline's thread.
 *
 * @param numConsumers how many batches are sent at once
 * @param queueSize the capacity, in units of {@code sizer}
 * @param sizer what {@code queueSize} counts: requests, items or bytes
 * @param blockOnOverflow wait for room when full (back-pressure, the default) rather than drop
 */
public record QueueSettings(
    int numConsumers, long queueSize, Sizer sizer, boolean blockOnOverflow) {

  /**
   * otelgw's default is above the Collector's 10 because its batch processor sends whenever its
   * ring runs empty, so batches under load are far smaller than the Collector's 8,192 spans: with
   * 10 calls at once, limiter-batch at the maximum rate was held to about 350,000 spans/s by the
   * calls' round trips, with a third of the machine's CPU idle, and refused the rest; with 32 it
   * carried 685,000 spans/s, as much as a bare relay, and refused nothing. A consumer is a thread
   * parked on the queue while idle.
   */
  public static final int DEFAULT_NUM_CONSUMERS = 32;

  public static final long DEFAULT_QUEUE_SIZE = 1000;
  public static final Sizer DEFAULT_SIZER = Sizer.REQUESTS;

  /**
   * otelgw's default differs from the Collector's on purpose: a full queue makes the pipeline wait,
   * so the edge refuses with a retryable status instead of dropping what it acknowledged.
   */
  public static final boolean DEFAULT_BLOCK_ON_OVERFLOW = true;

  /** What a queue's size counts. */
  public enum Sizer {
    REQUESTS,
    ITEMS,
    BYTES
  }

  public static QueueSettings defaults() {
    return new QueueSettings(
        DEFAULT_NUM_CONSUMERS, DEFAULT_QUEUE_SIZE, DEFAULT_SIZER, DEFAULT_BLOCK_ON_OVERFLOW);
  }

  /** Reads {@code sending_queue}; empty when it says {@code enabled: false}. */
  public static Optional<QueueSettings> parse(ConfigNode node) {
    boolean enabled = node.bool("enabled", true);
    int consumers = node.integer("num_consumers", DEFAULT_NUM_CONSUMERS);
    long size = node.longValue("queue_size", DEFAULT_QUEUE_SIZE);
    Sizer sizer = node.enumValue("sizer", DEFAULT_SIZER);
    boolean block = node.bool("block_on_overflow", DEFAULT_BLOCK_ON_OVERFLOW);
    node.check(consumers > 0, "num_consumers", "must be at least 1");
    node.check(size > 0, "queue_size", "must be at least 1");
    node.finish(Set.of("enabled", "num_consumers", "queue_size", "sizer", "block_on_overflow"));
    return enabled
        ? Optional.of(new QueueSettings(consumers, size, sizer, block))
        : Optional.empty();
  }
}
