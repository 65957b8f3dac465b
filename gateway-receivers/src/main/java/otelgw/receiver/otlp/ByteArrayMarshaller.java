package otelgw.receiver.otlp;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes gRPC messages as the bytes they are, so that the receiver keeps a request as it arrived
 * and only scans it, instead of letting generated stubs parse it into objects.
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
}
