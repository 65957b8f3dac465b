package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ByteArrayMarshallerTest {

  @Test
  void drainsWhatIsLeftOfTheArrayInOneGo() throws Exception {
    InputStream stream = ByteArrayMarshaller.INSTANCE.stream(new byte[] {1, 2, 3, 4});
    assertThat(stream).isInstanceOf(Drainable.class).isInstanceOf(KnownLength.class);
    assertThat(stream.read()).isEqualTo(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(((Drainable) stream).drainTo(out)).isEqualTo(3);

    assertThat(out.toByteArray()).containsExactly(2, 3, 4);
    assertThat(stream.available()).isZero();
    assertThat(stream.read()).isEqualTo(-1);
  }

  @Test
  void readsBackWhatItStreams() {
    byte[] bytes = {9, 8, 7};

    assertThat(ByteArrayMarshaller.INSTANCE.parse(ByteArrayMarshaller.INSTANCE.stream(bytes)))
        .containsExactly(9, 8, 7);
    assertThat(ByteArrayMarshaller.INSTANCE.parse(ByteArrayMarshaller.INSTANCE.stream(new byte[0])))
        .isEmpty();
  }
}
