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
 * @param merging whether and how much a consumer sends of what is queued in one request
 */
public record QueueSettings(
    int numConsumers, long queueSize, Sizer sizer, boolean blockOnOverflow, Merging merging) {

  /** The settings with the default {@link Merging}. */
  public QueueSettings(int numConsumers, long queueSize, Sizer sizer, boolean blockOnOverflow) {
    this(numConsumers, queueSize, sizer, blockOnOverflow, Merging.DEFAULT);
  }

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

  /**
   * otelgw's own: a consumer that takes a batch also takes the batches queued behind it, as many as
   * fit within {@code maxItems} items and {@code maxBytes} bytes, and sends them as one request. It
   * never waits for more: a queue that holds one batch sends it alone. otelgw's batch processor
   * sends whenever its ring runs empty, for latency; when the backend is slower than that (far
   * away, or busy), those small batches queue up, and merging them keeps the number of calls within
   * what the consumers can make. The defaults are the batch processor's: 8,192 items and 3.5 MiB,
   * under the 4 MiB a gRPC server accepts by default.
   *
   * @param enabled whether consumers merge at all
   * @param maxItems the most items (spans, data points, log records) in one merged request
   * @param maxBytes the most bytes of protobuf in one merged request
   */
  public record Merging(boolean enabled, long maxItems, long maxBytes) {
    public static final long DEFAULT_MAX_ITEMS = 8192;
    public static final long DEFAULT_MAX_BYTES = 3584L * 1024;
    public static final Merging DEFAULT = new Merging(true, DEFAULT_MAX_ITEMS, DEFAULT_MAX_BYTES);
    public static final Merging OFF = new Merging(false, DEFAULT_MAX_ITEMS, DEFAULT_MAX_BYTES);
  }

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
    Merging merging =
        new Merging(
            node.bool("merge", true),
            node.longValue("merge_max_items", Merging.DEFAULT_MAX_ITEMS),
            node.bytes("merge_max_bytes", Merging.DEFAULT_MAX_BYTES));
    node.check(consumers > 0, "num_consumers", "must be at least 1");
    node.check(size > 0, "queue_size", "must be at least 1");
    node.check(merging.maxItems() > 0, "merge_max_items", "must be at least 1");
    node.check(merging.maxBytes() > 0, "merge_max_bytes", "must be at least 1");
    node.finish(
        Set.of(
            "enabled",
            "num_consumers",
            "queue_size",
            "sizer",
            "block_on_overflow",
            "merge",
            "merge_max_items",
            "merge_max_bytes"));
    return enabled
        ? Optional.of(new QueueSettings(consumers, size, sizer, block, merging))
        : Optional.empty();
  }
}
