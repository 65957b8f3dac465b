package otelgw.benchmarks.load;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * gRPC's OTLP trace {@code Export} method on raw bytes, for the generator, sink and relay. Sent
 * bytes are written into gRPC's buffers in one call, as otelgw's exporter does, so the relay's
 * floor is not raised by a copy otelgw does not make.
 */
final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {

  static final RawBytes INSTANCE = new RawBytes();

  /** {@code opentelemetry.proto.collector.trace.v1.TraceService/Export}, bytes in and out. */
  static final MethodDescriptor<byte[], byte[]> EXPORT_TRACES =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(TraceServiceGrpc.getExportMethod().getFullMethodName())
          .setRequestMarshaller(INSTANCE)
          .setResponseMarshaller(INSTANCE)
          .build();

  private RawBytes() {}

  @Override
  public InputStream stream(byte[] value) {
    return new Drained(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL.withCause(e).asRuntimeException();
    }
  }

  /** Bytes gRPC drains in one write instead of copying through a scratch array. */
  private static final class Drained extends ByteArrayInputStream
      implements Drainable, KnownLength {
    Drained(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
