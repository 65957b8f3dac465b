package otelgw.core.telemetry;

import otelgw.config.Signal;

/**
 * The names of otelgw's own metrics, declared once. Where the concept is the Collector's, so is the
 * name: Micrometer's Prometheus registry renders {@code otelcol.receiver.accepted.spans} as {@code
 * otelcol_receiver_accepted_spans_total}, as the Collector's own Prometheus endpoint does.
 */
public final class MetricNames {

  private MetricNames() {}

  public static String receiverAccepted(Signal signal) {
    return "otelcol.receiver.accepted." + signal.itemName();
  }

  public static String receiverRefused(Signal signal) {
    return "otelcol.receiver.refused." + signal.itemName();
  }

  /**
   * otelgw's own: the items of {@link #receiverRefused}, by {@code receiver}, {@code transport} and
   * {@code reason} ({@code memory_limit}, {@code pipeline_full}, {@code shutting_down}).
   */
  public static String receiverRefusedByReason(Signal signal) {
    return "otelgw.receiver.refused." + signal.itemName();
  }

  public static String exporterSent(Signal signal) {
    return "otelcol.exporter.sent." + signal.itemName();
  }

  public static String exporterSendFailed(Signal signal) {
    return "otelcol.exporter.send_failed." + signal.itemName();
  }

  public static String exporterEnqueueFailed(Signal signal) {
    return "otelcol.exporter.enqueue_failed." + signal.itemName();
  }

  public static final String EXPORTER_QUEUE_SIZE = "otelcol.exporter.queue_size";
  public static final String EXPORTER_QUEUE_CAPACITY = "otelcol.exporter.queue_capacity";
  public static final String PROCESSOR_INCOMING = "otelcol.processor.incoming_items";
  public static final String PROCESSOR_OUTGOING = "otelcol.processor.outgoing_items";
  public static final String BATCH_SEND_SIZE = "otelcol.processor.batch.batch_send_size";
  public static final String BATCH_SIZE_TRIGGER = "otelcol.processor.batch.batch_size_trigger_send";
  public static final String BATCH_TIMEOUT_TRIGGER = "otelcol.processor.batch.timeout_trigger_send";

  /** otelgw's own: batches sent because the ring ran empty or idle (see the batch processor). */
  public static final String BATCH_IDLE_TRIGGER = "otelgw.processor.batch.idle_trigger_send";

  /** otelgw's own: send attempts that failed and were tried again. */
  public static final String EXPORTER_RETRIES = "otelgw.exporter.retries";

  /** otelgw's own: the memory limiter's measures and state. */
  public static final String MEMORY_LIMITER_IN_FLIGHT = "otelgw.memory_limiter.in_flight";

  public static final String MEMORY_LIMITER_HEAP = "otelgw.memory_limiter.heap_live";
  public static final String MEMORY_LIMITER_SOFT_LIMIT = "otelgw.memory_limiter.soft_limit";
  public static final String MEMORY_LIMITER_REFUSING = "otelgw.memory_limiter.refusing";

  /**
   * otelgw's own: requests a receiver turned away, by {@code receiver}, {@code transport} and
   * {@code reason} (too_large, malformed, unsupported_media_type, read_timeout, ...); those without
   * valid credentials are counted in {@link #RECEIVER_UNAUTHENTICATED} instead.
   */
  public static final String RECEIVER_REJECTED = "otelgw.receiver.rejected";

  /**
   * otelgw's own: connections a receiver closed because no request came within its {@code
   * idle_timeout} (HTTP) or no call within its {@code max_connection_idle} (gRPC), by {@code
   * receiver} and {@code transport}. Housekeeping, not a refusal: an SDK that exports less often
   * than the timeout reconnects each time.
   */
  public static final String RECEIVER_IDLE_CLOSED = "otelgw.receiver.idle_closed";

  /** otelgw's own: requests a receiver refused for missing or wrong credentials. */
  public static final String RECEIVER_UNAUTHENTICATED = "otelgw.receiver.unauthenticated";

  /** otelgw's own: slots of a pipeline's ring buffer, and how many are in use. */
  public static final String RING_CAPACITY = "otelgw.ring.capacity";

  public static final String RING_OCCUPANCY = "otelgw.ring.occupancy";

  /** otelgw's own: items dropped after acknowledgement, by reason. */
  public static String dropped(Signal signal) {
    return "otelgw.dropped." + signal.itemName();
  }

  /**
   * otelgw's own: items a pipeline dropped after acknowledgement, by {@code reason} ({@code
   * malformed}: bytes that passed the receiver's checks but did not parse when a stage decoded
   * them).
   */
  public static final String PIPELINE_DROPPED = "otelgw.pipeline.dropped";

  /** otelgw's own: a stage failed with an exception it should not have thrown. */
  public static final String PIPELINE_ERRORS = "otelgw.pipeline.errors";
}
