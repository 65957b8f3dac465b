package otelgw.core.telemetry;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import otelgw.config.ComponentId;
import otelgw.config.PipelineId;

/**
 * A snapshot of the running gateway for health checks and the status page: its lifecycle state and,
 * per pipeline, each hop's counters as the self-metrics have them. Counts are in items (spans,
 * metric points, log records) since start. A component shared by several pipelines of one signal
 * shows the same counts in each, as its metrics do.
 *
 * @param state where the gateway is in its lifecycle
 * @param time when the snapshot was taken
 * @param startedAt when start-up finished; empty before
 * @param pipelines every pipeline, in config order
 */
public record GatewayStatus(
    Lifecycle state, Instant time, Optional<Instant> startedAt, List<Pipeline> pipelines) {

  public GatewayStatus {
    pipelines = List.copyOf(pipelines);
  }

  /** Where the gateway is in its lifecycle. */
  public enum Lifecycle {
    /** Built, not started. */
    CREATED,
    /** Starting components; not yet accepting data. */
    STARTING,
    /** Every component started. */
    RUNNING,
    /** Shutdown has begun: no longer accepting, draining what was accepted. */
    STOPPING,
    /** Shut down. */
    STOPPED
  }

  /**
   * One pipeline, hop by hop.
   *
   * @param ring the hand-off between its receivers and its processors
   */
  public record Pipeline(
      PipelineId id,
      List<Receiver> receivers,
      Ring ring,
      List<Processor> processors,
      List<Exporter> exporters) {

    public Pipeline {
      receivers = List.copyOf(receivers);
      processors = List.copyOf(processors);
      exporters = List.copyOf(exporters);
    }
  }

  /**
   * A receiver's items of the pipeline's signal, over all its transports.
   *
   * @param accepted items accepted into the pipelines (acknowledged to the client)
   * @param refused items refused with a retryable status
   */
  public record Receiver(ComponentId id, long accepted, long refused) {}

  /**
   * A pipeline's ring buffer.
   *
   * @param used slots holding a request not yet taken by the consumer
   * @param capacity slots in all; when every one is used, receivers refuse new data
   * @param consumerAlive whether the thread that runs the pipeline's processors is running
   */
  public record Ring(long used, long capacity, boolean consumerAlive) {

    public boolean full() {
      return used >= capacity;
    }
  }

  /**
   * A processor of the pipeline's signal.
   *
   * @param incoming items passed to it
   * @param outgoing items it passed on
   * @param refusing whether its admission check (the memory limiter's) refuses new data now
   */
  public record Processor(ComponentId id, long incoming, long outgoing, boolean refusing) {}

  /**
   * An exporter's sends of the pipeline's signal.
   *
   * @param sent items the backend accepted
   * @param sendFailed items given up on: rejected permanently, retries exhausted, or shut down
   * @param enqueueFailed items that found the queue full and were dropped
   * @param dropped items dropped after acknowledgement, by reason ({@code permanent_error}, {@code
   *     retries_exhausted}, {@code queue_full}, {@code shutdown}); a breakdown of the two above
   * @param queue the sending queue's fill, in its sizer's unit; empty without a queue
   * @param health how its attempts have gone lately
   */
  public record Exporter(
      ComponentId id,
      long sent,
      long sendFailed,
      long enqueueFailed,
      Map<String, Long> dropped,
      Optional<Queue> queue,
      SendHealth health) {

    public Exporter {
      dropped = Collections.unmodifiableSortedMap(new TreeMap<>(dropped));
    }
  }

  /** A sending queue's current size and its bound, in the unit of its sizer. */
  public record Queue(long size, long capacity) {}
}
