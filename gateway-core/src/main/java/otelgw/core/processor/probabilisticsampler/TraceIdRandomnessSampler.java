package otelgw.core.processor.probabilisticsampler;

import com.google.protobuf.ByteString;

/**
 * Consistent probability sampling on the trace id, as OpenTelemetry specifies it: the randomness R
 * of a trace is the low 56 bits of its id (bytes 9 to 15, big-endian), which W3C Trace Context
 * level 2 makes random; a trace is kept when {@code R >= T}, the rejection threshold {@code T = (1
 * - p) * 2^56} for a probability {@code p}. Every gateway and SDK sampling the same trace at the
 * same probability decides alike, and one at a lower probability keeps a subset of what one at a
 * higher probability keeps.
 */
final class TraceIdRandomnessSampler implements TraceSampler {

  static final long MAX_RANDOMNESS = 1L << 56;
  private static final int TRACE_ID_LENGTH = 16;

  private final long threshold;
  private final boolean failClosed;

  TraceIdRandomnessSampler(double percentage, boolean failClosed) {
    this.threshold = threshold(percentage);
    this.failClosed = failClosed;
  }

  /** {@code T} for a percentage: 0 keeps everything, {@code 2^56} nothing. */
  static long threshold(double percentage) {
    long kept = Math.round(percentage / 100 * MAX_RANDOMNESS);
    return MAX_RANDOMNESS - Math.min(MAX_RANDOMNESS, Math.max(0, kept));
  }

  @Override
  public boolean keep(ByteString traceId) {
    if (traceId.size() != TRACE_ID_LENGTH || isZero(traceId)) {
      return !failClosed;
    }
    return randomness(traceId) >= threshold;
  }

  static long randomness(ByteString traceId) {
    long r = 0;
    for (int i = TRACE_ID_LENGTH - 7; i < TRACE_ID_LENGTH; i++) {
      r = (r << 8) | (traceId.byteAt(i) & 0xFF);
    }
    return r;
  }

  private static boolean isZero(ByteString traceId) {
    for (int i = 0; i < TRACE_ID_LENGTH; i++) {
      if (traceId.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
