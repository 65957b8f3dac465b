package otelgw.receiver.otlp;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes gRPC messages as the bytes they are, so that the receiver keeps a request as it arrived
 * and only scans it, instead of letting generated stubs parse it into objects.
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
      return read(stream);
    } catch (IOException e) {
      throw Status.INTERNAL
          .withDescription("cannot read the message")
          .withCause(e)
          .asRuntimeException();
    }
  }

  /** All of {@code stream}, in an array of exactly its length. */
  static byte[] read(InputStream stream) throws IOException {
    // grpc's uncompressed messages know their length: read them with no growing copies.
    if (stream instanceof KnownLength) {
      byte[] bytes = new byte[stream.available()];
      int read = stream.readNBytes(bytes, 0, bytes.length);
      if (read == bytes.length && stream.read() < 0) {
        return bytes;
      }
      throw new IOException("the message length changed while reading it");
    }
    return stream.readAllBytes();
  }

  /**
   * An array as gRPC writes it best: {@link Drainable}, so that it goes out in one write, where a
   * plain stream is copied through an 8 KiB buffer allocated for each message (7% of otelgw's
   * allocation at the maximum rate, for empty responses), and {@link KnownLength}, so that it is
   * framed without being buffered first.
   */
  static final class DrainableBytes extends ByteArrayInputStream implements Drainable, KnownLength {

    DrainableBytes(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int drained = count - pos;
      target.write(buf, pos, drained);
      pos = count;
      return drained;
    }
  }
}
