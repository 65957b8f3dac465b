package otelgw.exporter.otlp;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Sends a request given as arrays laid end to end (a batch's {@code wireChunks()}) through gRPC
 * without joining them: a merged batch of thousands of spans goes out as the requests it merged,
 * written one after another into gRPC's transport buffers. Client side only: requests are never
 * parsed here.
 */
final class ChunksMarshaller implements MethodDescriptor.Marshaller<List<byte[]>> {

  static final ChunksMarshaller INSTANCE = new ChunksMarshaller();

  private ChunksMarshaller() {}

  @Override
  public InputStream stream(List<byte[]> chunks) {
    return new DrainableChunks(chunks);
  }

  @Override
  public List<byte[]> parse(InputStream stream) {
    throw new UnsupportedOperationException("requests are only sent");
  }

  /**
   * The chunks as gRPC reads them: {@link Drainable}, so that gRPC takes each array in one write
   * instead of copying it through a scratch buffer, and {@link KnownLength}, so that it frames the
   * message without buffering it first.
   */
  static final class DrainableChunks extends InputStream implements Drainable, KnownLength {

    private final List<byte[]> chunks;
    private int chunk;
    private int offset;
    private int remaining;

    DrainableChunks(List<byte[]> chunks) {
      this.chunks = chunks;
      for (byte[] bytes : chunks) {
        remaining = Math.addExact(remaining, bytes.length);
      }
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int drained = remaining;
      for (; chunk < chunks.size(); chunk++, offset = 0) {
        byte[] bytes = chunks.get(chunk);
        target.write(bytes, offset, bytes.length - offset);
      }
      remaining = 0;
      return drained;
    }

    @Override
    public int available() {
      return remaining;
    }

    @Override
    public int read() {
      if (!nextNonEmpty()) {
        return -1;
      }
      remaining--;
      return chunks.get(chunk)[offset++] & 0xff;
    }

    @Override
    public int read(byte[] into, int at, int length) {
      if (length == 0) {
        return 0;
      }
      if (!nextNonEmpty()) {
        return -1;
      }
      byte[] bytes = chunks.get(chunk);
      int n = Math.min(length, bytes.length - offset);
      System.arraycopy(bytes, offset, into, at, n);
      offset += n;
      remaining -= n;
      return n;
    }

    /** Moves past spent chunks; whether any bytes are left. */
    private boolean nextNonEmpty() {
      while (chunk < chunks.size() && offset == chunks.get(chunk).length) {
        chunk++;
        offset = 0;
      }
      return chunk < chunks.size();
    }
  }
}
