package otelgw.benchmarks.load;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** gRPC's OTLP trace {@code Export} method on raw bytes, for the generator, sink and relay. */
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
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL.withCause(e).asRuntimeException();
    }
  }
}
