package otelgw.receiver.otlp;

import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;

/**
 * Counts as {@code unsupported_media_type} a gRPC call compressed in an encoding otelgw does not
 * decode (anything but gzip: deflate, zstd, snappy, ...). grpc refuses such a call itself, {@code
 * UNIMPLEMENTED}, before a call listener exists, as the HTTP receiver answers 415; only a stream
 * tracer, which sees the call's headers and how it closed, can count it.
 */
final class GrpcEncodingCount extends ServerStreamTracer.Factory {

  private static final Metadata.Key<String> ENCODING =
      Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

  private final ReceiverMeters meters;

  GrpcEncodingCount(ReceiverMeters meters) {
    this.meters = meters;
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    String encoding = headers.get(ENCODING);
    if (encoding == null || encoding.equals("identity") || encoding.equals("gzip")) {
      return NOTHING;
    }
    return new Refused(meters);
  }

  private static final ServerStreamTracer NOTHING = new ServerStreamTracer() {};

  private static final class Refused extends ServerStreamTracer {
    private final ReceiverMeters meters;

    Refused(ReceiverMeters meters) {
      this.meters = meters;
    }

    @Override
    public void streamClosed(Status status) {
      if (status.getCode() == Status.Code.UNIMPLEMENTED) {
        meters.rejected(Rejection.UNSUPPORTED_MEDIA_TYPE);
      }
    }
  }
}
