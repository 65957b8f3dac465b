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
  void readsAnEmptyResponseAsNoBytes() {
    assertThat(ByteArrayMarshaller.INSTANCE.parse(new KnownLengthBytes(new byte[0]))).isEmpty();
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
