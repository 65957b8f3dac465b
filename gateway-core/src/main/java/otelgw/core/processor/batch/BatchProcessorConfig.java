package otelgw.core.processor.batch;

import java.time.Duration;
import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * {@code batch}, with the Collector's keys and meanings plus a byte cap of otelgw's own.
 *
 * @param sendBatchSize items (spans, data points, log records) that trigger a send; 0 means only
 *     the timeout and an empty ring do
 * @param sendBatchMaxSize the most items a batch sent may hold, 0 for no limit; at least {@code
 *     sendBatchSize} when set. A request larger than this is split.
 * @param timeout how long held data may wait while more keeps arriving; 0 sends every request at
 *     once (split where it is too large)
 * @param sendBatchMaxBytes the most bytes of protobuf a batch sent may hold, 0 for no limit; a
 *     request larger than this is split between items. The default, {@value
 *     #DEFAULT_SEND_BATCH_MAX_BYTES} bytes (3.5 MiB), stays under the 4 MiB that gRPC servers, the
 *     Collector's among them, accept by default, with room for the envelope.
 */
public record BatchProcessorConfig(
    int sendBatchSize, int sendBatchMaxSize, Duration timeout, long sendBatchMaxBytes) {

  public static final int DEFAULT_SEND_BATCH_SIZE = 8192;
  public static final int DEFAULT_SEND_BATCH_MAX_SIZE = 0;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);
  public static final long DEFAULT_SEND_BATCH_MAX_BYTES = 3584L * 1024;

  static BatchProcessorConfig parse(ConfigNode node) {
    BatchProcessorConfig config =
        new BatchProcessorConfig(
            node.integer("send_batch_size", DEFAULT_SEND_BATCH_SIZE),
            node.integer("send_batch_max_size", DEFAULT_SEND_BATCH_MAX_SIZE),
            node.duration("timeout", DEFAULT_TIMEOUT),
            node.bytes("send_batch_max_bytes", DEFAULT_SEND_BATCH_MAX_BYTES));
    node.check(config.sendBatchSize >= 0, "send_batch_size", "must not be negative");
    node.check(config.sendBatchMaxSize >= 0, "send_batch_max_size", "must not be negative");
    node.check(
        config.sendBatchMaxSize == 0 || config.sendBatchMaxSize >= config.sendBatchSize,
        "send_batch_max_size",
        "must be at least 'send_batch_size' (or 0 for no limit)");
    node.check(!config.timeout.isNegative(), "timeout", "must not be negative");
    node.check(config.sendBatchMaxBytes >= 0, "send_batch_max_bytes", "must not be negative");
    node.finish(
        Set.of("send_batch_size", "send_batch_max_size", "timeout", "send_batch_max_bytes"));
    return config;
  }

  /** The item cap in effect: {@link Long#MAX_VALUE} for none. */
  long maxItems() {
    return sendBatchMaxSize > 0 ? sendBatchMaxSize : Long.MAX_VALUE;
  }

  /** The byte cap in effect: {@link Long#MAX_VALUE} for none. */
  long maxBytes() {
    return sendBatchMaxBytes > 0 ? sendBatchMaxBytes : Long.MAX_VALUE;
  }
}
