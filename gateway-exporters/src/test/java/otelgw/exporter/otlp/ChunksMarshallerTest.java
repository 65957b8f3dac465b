package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksMarshallerTest {

  private static final List<byte[]> CHUNKS =
      List.of(new byte[] {1, 2, 3}, new byte[0], new byte[] {4}, new byte[] {5, 6});

  @Test
  void drainsEveryChunkInOrder() throws Exception {
    InputStream stream = ChunksMarshaller.INSTANCE.stream(CHUNKS);
    assertThat(stream).isInstanceOf(Drainable.class).isInstanceOf(KnownLength.class);
    assertThat(stream.available()).isEqualTo(6);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(((Drainable) stream).drainTo(out)).isEqualTo(6);

    assertThat(out.toByteArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(stream.available()).isZero();
    assertThat(stream.read()).isEqualTo(-1);
  }

  @Test
  void readsAcrossChunkBoundaries() throws Exception {
    InputStream stream = ChunksMarshaller.INSTANCE.stream(CHUNKS);

    assertThat(stream.read()).isEqualTo(1);
    byte[] some = new byte[4];
    int n = stream.read(some, 0, 4);
    assertThat(n).isEqualTo(2); // the rest of the first chunk
    assertThat(stream.available()).isEqualTo(3);

    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    ((Drainable) stream).drainTo(rest);
    assertThat(rest.toByteArray()).containsExactly(4, 5, 6);
  }
}
