package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class BoundedInflaterTest {

  private final byte[] content = randomText(100_000);

  @Test
  void inflatesGzipUpToTheLimit() throws Exception {
    BoundedInflater.Inflated inflated =
        BoundedInflater.inflate(
            ContentCoding.GZIP, buffer(OtlpHttpReceiverTest.gzip(content)), 100_000);

    assertThat(Arrays.copyOf(inflated.bytes(), inflated.length())).isEqualTo(content);
    assertThat(inflated.bytes().length).isLessThanOrEqualTo(100_000);
  }

  @Test
  void inflatesDeflate() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
      deflate.write(content);
    }

    BoundedInflater.Inflated inflated =
        BoundedInflater.inflate(ContentCoding.DEFLATE, buffer(out.toByteArray()), 1 << 20);

    assertThat(Arrays.copyOf(inflated.bytes(), inflated.length())).isEqualTo(content);
  }

  @Test
  void stopsAtTheFirstByteOverTheLimit() throws Exception {
    ByteBuf gzipped = buffer(OtlpHttpReceiverTest.gzip(content));

    assertThatThrownBy(() -> BoundedInflater.inflate(ContentCoding.GZIP, gzipped, 99_999))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessageContaining("max_request_body_size (99999 bytes) once decompressed");
  }

  @Test
  void leavesTheBodyForTheCallerToRelease() throws Exception {
    ByteBuf gzipped = buffer(OtlpHttpReceiverTest.gzip(content));

    BoundedInflater.inflate(ContentCoding.GZIP, gzipped, 1 << 20);

    assertThat(gzipped.refCnt()).isEqualTo(1);
    assertThat(gzipped.readerIndex()).isZero();
  }

  @Test
  void reportsCorruptInput() {
    byte[] gzipped = OtlpHttpReceiverTest.gzipUnchecked(content);
    gzipped[gzipped.length / 2] ^= 0x5a;
    gzipped[gzipped.length / 2 + 1] ^= 0x5a;

    assertThatThrownBy(() -> BoundedInflater.inflate(ContentCoding.GZIP, buffer(gzipped), 1 << 20))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () ->
                BoundedInflater.inflate(ContentCoding.GZIP, buffer(new byte[] {1, 2, 3}), 1 << 20))
        .isInstanceOf(ZipException.class);
  }

  private static ByteBuf buffer(byte[] bytes) {
    return Unpooled.wrappedBuffer(bytes);
  }

  private static byte[] randomText(int size) {
    Random random = new Random(42);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(8));
    }
    return bytes;
  }
}
