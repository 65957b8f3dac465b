package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class ByteArrayMarshallerTest {

  /** A response as grpc hands it over uncompressed: its length known. */
  private static final class KnownLengthBytes extends ByteArrayInputStream implements KnownLength {
    KnownLengthBytes(byte[] bytes) {
      super(bytes);
    }
  }

  @Test
  void readsAnEmptyResponseAsNoBytesWithoutAllocatingAnArray() {
    byte[] first = ByteArrayMarshaller.INSTANCE.parse(new KnownLengthBytes(new byte[0]));
    byte[] second = ByteArrayMarshaller.INSTANCE.parse(new KnownLengthBytes(new byte[0]));

    assertThat(first).isEmpty();
    assertThat(second).isSameAs(first); // one shared empty array, not a buffer per answer
  }

  @Test
  void readsEveryByteOfAResponseWhetherItsLengthIsKnownOrNot() {
    byte[] partialSuccess = {0x0a, 0x02, 0x08, 0x03};

    assertThat(ByteArrayMarshaller.INSTANCE.parse(new KnownLengthBytes(partialSuccess)))
        .containsExactly(partialSuccess);
    assertThat(ByteArrayMarshaller.INSTANCE.parse(new ByteArrayInputStream(partialSuccess)))
        .containsExactly(partialSuccess);
  }
}
