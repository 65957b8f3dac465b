package otelgw.core.otlp.walk;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.otlp.MalformedProtobufException;

/**
 * A kind of part of a request that {@link WireRewrite} screens in its bytes and, where the screen
 * says it may change, parses alone and walks with the same step the object walkers use.
 *
 * @param <T> the part's message
 */
record WirePart<T extends Message>(Parser<T> parser, Parts.Step<T> step, Screen screen) {

  static final WirePart<Resource> RESOURCE =
      new WirePart<>(Resource.parser(), Parts::resource, RecordScreens::resource);
  static final WirePart<InstrumentationScope> SCOPE =
      new WirePart<>(InstrumentationScope.parser(), Parts::scope, RecordScreens::scope);
  static final WirePart<Span> SPAN =
      new WirePart<>(Span.parser(), TraceWalker::span, RecordScreens::span);
  static final WirePart<LogRecord> LOG_RECORD =
      new WirePart<>(LogRecord.parser(), LogWalker::record, RecordScreens::logRecord);
  static final WirePart<Metric> METRIC =
      new WirePart<>(Metric.parser(), MetricWalker::metric, RecordScreens::metric);

  /** Whether the visitor might change the part in [start, end) of what the reader reads. */
  @FunctionalInterface
  interface Screen {
    boolean mayChange(WireReader reader, int start, int end) throws MalformedProtobufException;
  }

  /**
   * The part in {@code bytes[start, end)} parsed and walked, or null where the visitor left it.
   *
   * @throws MalformedBatchException if the part does not parse, as the whole request would not
   */
  T walk(byte[] bytes, int start, int end, RequestVisitor visitor) {
    T part;
    try {
      part = parser.parseFrom(bytes, start, end - start);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedBatchException(e.getMessage());
    }
    T walked = step.walk(part, visitor);
    return walked == part ? null : walked;
  }
}
