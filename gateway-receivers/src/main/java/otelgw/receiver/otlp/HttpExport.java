package otelgw.receiver.otlp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.util.Arrays;
import otelgw.core.error.RefusedException;
import otelgw.core.otlp.OtlpJsonException;

/**
 * One OTLP/HTTP request whose head passed every check: its signal, encodings and body. {@link
 * #publish()} decodes the body and hands it to the pipelines; it runs on the event loop for an
 * uncompressed protobuf body (a copy and a wire scan) and on the decode pool otherwise.
 */
record HttpExport(
    SignalIntake<?, ?> intake,
    BodyEncoding encoding,
    ContentCoding coding,
    boolean keepAlive,
    int maxBodySize) {

  /** Whether decoding may take long enough that it should not hold the event loop. */
  boolean isSlow() {
    return coding != ContentCoding.IDENTITY || encoding == BodyEncoding.JSON;
  }

  /**
   * Decodes and publishes {@code body}, releasing it.
   *
   * @return null on success, or why the request was not taken
   */
  ReceiverFailure publish(ByteBuf body) {
    try {
      byte[] bytes;
      int length;
      if (coding == ContentCoding.IDENTITY) {
        bytes = ByteBufUtil.getBytes(body);
        length = bytes.length;
      } else {
        BoundedInflater.Inflated inflated = BoundedInflater.inflate(coding, body, maxBodySize);
        bytes = inflated.bytes();
        length = inflated.length();
      }
      body.release();
      body = null;
      if (encoding == BodyEncoding.PROTOBUF) {
        // The batch keeps the array as its wire bytes, so it must be exactly the message.
        intake.publishProtobuf(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
      } else {
        intake.publishJson(bytes, length);
      }
      return null;
    } catch (RuntimeException
        | RefusedException
        | OtlpJsonException
        | BodyTooLargeException
        | IOException e) {
      return ReceiverFailure.of(e, intake.signal());
    } finally {
      if (body != null) {
        body.release();
      }
    }
  }
}
