package otelgw.core.batch;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import otelgw.config.Signal;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.WireItemCounter;

/**
 * What differs between the signals, in one place: the request message, how to count its items, and
 * how to make a batch of it. Everything else in the gateway is written once, generic over the batch
 * type, and asks its {@code BatchType} where the signal matters.
 *
 * @param <M> the OTLP export request message
 * @param <B> the batch class holding it
 */
public final class BatchType<M extends Message, B extends Batch<M>> {

  public static final BatchType<ExportTraceServiceRequest, TraceBatch> TRACES =
      new BatchType<>(
          Signal.TRACES,
          ExportTraceServiceRequest.getDefaultInstance(),
          TraceBatch::new,
          TraceBatch::new,
          TraceBatch::new,
          ItemCounts::spans);

  public static final BatchType<ExportMetricsServiceRequest, MetricBatch> METRICS =
      new BatchType<>(
          Signal.METRICS,
          ExportMetricsServiceRequest.getDefaultInstance(),
          MetricBatch::new,
          MetricBatch::new,
          MetricBatch::new,
          ItemCounts::metricPoints);

  public static final BatchType<ExportLogsServiceRequest, LogBatch> LOGS =
      new BatchType<>(
          Signal.LOGS,
          ExportLogsServiceRequest.getDefaultInstance(),
          LogBatch::new,
          LogBatch::new,
          LogBatch::new,
          ItemCounts::logRecords);

  private final Signal signal;
  private final M defaultInstance;
  private final WireConstructor<B> fromWire;
  private final ChunksConstructor<B> fromChunks;
  private final Function<M, B> fromMessage;
  private final ToIntFunction<M> itemCounter;

  private BatchType(
      Signal signal,
      M defaultInstance,
      WireConstructor<B> fromWire,
      ChunksConstructor<B> fromChunks,
      Function<M, B> fromMessage,
      ToIntFunction<M> itemCounter) {
    this.signal = signal;
    this.defaultInstance = defaultInstance;
    this.fromWire = fromWire;
    this.fromChunks = fromChunks;
    this.fromMessage = fromMessage;
    this.itemCounter = itemCounter;
  }

  /** The batch type of a signal. */
  public static BatchType<?, ?> of(Signal signal) {
    return switch (signal) {
      case TRACES -> TRACES;
      case METRICS -> METRICS;
      case LOGS -> LOGS;
    };
  }

  public Signal signal() {
    return signal;
  }

  /** The empty request, for decoders that build one from a prototype. */
  public M defaultInstance() {
    return defaultInstance;
  }

  @SuppressWarnings("unchecked")
  public Parser<M> parser() {
    return (Parser<M>) defaultInstance.getParserForType();
  }

  /**
   * A batch of protobuf bytes as received, without decoding them: a wire scan counts the items and
   * checks the structure. Takes ownership of {@code bytes}.
   *
   * @throws MalformedBatchException if the bytes are not well-formed protobuf of this request's
   *     shape
   */
  public B fromWire(byte[] bytes) {
    int items;
    try {
      items = WireItemCounter.count(signal, bytes);
    } catch (MalformedProtobufException e) {
      throw new MalformedBatchException(e.getMessage());
    }
    return fromWire.create(bytes, items);
  }

  /**
   * A batch of bytes already known to be a well-formed request of this type with {@code itemCount}
   * items, such as batches that came through {@link #fromWire} laid end to end: not scanned again.
   * Takes ownership of {@code bytes}.
   */
  public B fromCheckedWire(byte[] bytes, int itemCount) {
    return fromWire.create(bytes, itemCount);
  }

  /**
   * A batch of well-formed requests of this type laid end to end, {@code itemCount} items and
   * {@code length} bytes in all, kept as the separate arrays they are until something needs them as
   * one (see {@link Batch#wireChunks()}). Takes ownership of the arrays.
   */
  public B fromCheckedChunks(byte[][] chunks, int length, int itemCount) {
    return fromChunks.create(chunks, length, itemCount);
  }

  /** A batch of a decoded request, as JSON input or a processor makes. */
  public B fromMessage(M message) {
    return fromMessage.apply(message);
  }

  int countItems(M message) {
    return itemCounter.applyAsInt(message);
  }

  @Override
  public String toString() {
    return signal.configName();
  }

  @FunctionalInterface
  private interface WireConstructor<B> {
    B create(byte[] bytes, int itemCount);
  }

  @FunctionalInterface
  private interface ChunksConstructor<B> {
    B create(byte[][] chunks, int length, int itemCount);
  }
}
