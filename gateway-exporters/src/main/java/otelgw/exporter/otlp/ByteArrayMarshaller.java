package otelgw.exporter.otlp;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Takes a gRPC response as its bytes, so that it is parsed only for what the exporter reads of it
 * (partial success). Requests go out through {@link ChunksMarshaller}.
 */
final class ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {

  static final ByteArrayMarshaller INSTANCE = new ByteArrayMarshaller();

  private ByteArrayMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL
          .withDescription("cannot read the response")
          .withCause(e)
          .asRuntimeException();
    }
  }
}
