package otelgw.exporter.otlp;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes protobuf bytes through gRPC untouched, so a batch's {@code toByteArray()} goes out as it
 * arrived and the response is parsed only for what the exporter reads of it.
 */
final class ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {

  static final ByteArrayMarshaller INSTANCE = new ByteArrayMarshaller();

  private ByteArrayMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new DrainableBytes(value);
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

  /**
   * A request's bytes as gRPC sends them: {@link Drainable}, so that gRPC writes them into its
   * transport buffers in one call. A plain stream is copied through a fresh 8 KiB scratch array,
   * which for a batch of megabytes is a second pass over it and garbage on every send.
   */
  static final class DrainableBytes extends ByteArrayInputStream implements Drainable, KnownLength {

    DrainableBytes(byte[] bytes) {
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
