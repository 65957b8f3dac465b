package otelgw.core.processor.probabilisticsampler;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;

/**
 * Counts the spans a sampler keeps and drops by reading only their trace ids from a request's
 * protobuf bytes, without decoding it: a request kept or dropped whole (at 100%, at 0%, or with one
 * trace) is then passed on or released without ever being parsed.
 */
final class WireTally {

  private static final int RESOURCE_SPANS =
      tag(ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER);
  private static final int SCOPE_SPANS = tag(ResourceSpans.SCOPE_SPANS_FIELD_NUMBER);
  private static final int SPANS = tag(ScopeSpans.SPANS_FIELD_NUMBER);
  private static final int TRACE_ID = tag(Span.TRACE_ID_FIELD_NUMBER);

  private WireTally() {}

  /**
   * The tally of a request's bytes.
   *
   * @throws IOException if the bytes are not well-formed where it reads them
   */
  static Tally of(byte[] request, TraceSampler sampler) throws IOException {
    int[] counts = new int[2];
    CodedInputStream in = CodedInputStream.newInstance(request);
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == RESOURCE_SPANS) {
        int limit = in.pushLimit(in.readRawVarint32());
        resource(in, sampler, counts);
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
    return new Tally(counts[0], counts[1]);
  }

  private static void resource(CodedInputStream in, TraceSampler sampler, int[] counts)
      throws IOException {
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == SCOPE_SPANS) {
        int limit = in.pushLimit(in.readRawVarint32());
        scope(in, sampler, counts);
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
  }

  private static void scope(CodedInputStream in, TraceSampler sampler, int[] counts)
      throws IOException {
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == SPANS) {
        int limit = in.pushLimit(in.readRawVarint32());
        boolean keep = sampler.keep(traceId(in));
        counts[keep ? 0 : 1]++;
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
  }

  /** The span's trace id; the last one where the field repeats, as a parser would take it. */
  private static ByteString traceId(CodedInputStream in) throws IOException {
    ByteString traceId = ByteString.EMPTY;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == TRACE_ID) {
        traceId = in.readBytes();
      } else {
        in.skipField(tag);
      }
    }
    return traceId;
  }

  private static int tag(int fieldNumber) {
    return (fieldNumber << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }
}
