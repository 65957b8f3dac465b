package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the gRPC server does with connections: closes idle ones, bounds streams on each. */
class OtlpGrpcConnectionsTest {

  private static final int SETTINGS = 0x4;
  private static final int GOAWAY = 0x7;

  private RunningReceiver running;

  @AfterEach
  void tearDown() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void closesAConnectionThatNeverMakesACall() throws Exception {
    running = startWithIdle("300ms");

    try (Socket socket = new Socket("127.0.0.1", running.grpcPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      // The HTTP/2 client preface and an empty SETTINGS frame, then nothing: a parked connection.
      out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(US_ASCII));
      out.write(new byte[] {0, 0, 0, SETTINGS, 0, 0, 0, 0, 0});
      out.flush();
      long start = System.nanoTime();

      ServerFrames frames = ServerFrames.readUntilClosed(socket);

      long goAwayMillis = TimeUnit.NANOSECONDS.toMillis(frames.firstGoAwayNanos() - start);
      long closedMillis = TimeUnit.NANOSECONDS.toMillis(frames.closedNanos() - start);
      System.out.printf(
          "idle gRPC connection: GOAWAY after %d ms, closed after %d ms, frames %s%n",
          goAwayMillis, closedMillis, frames.types());
      assertThat(goAwayMillis).isBetween(250L, 5_000L);
      // With its GOAWAY grpc sends a PING and waits up to 10 s for the answer, so that calls in
      // flight are not lost; this client answers nothing and is closed when the wait ends.
      assertThat(closedMillis).isLessThan(20_000);
    }
  }

  @Test
  void closesAClientConnectionIdleAfterItsCall() throws Exception {
    running = startWithIdle("300ms");
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", running.grpcPort()).usePlaintext().build();
    try {
      TraceServiceGrpc.newBlockingStub(channel).export(OtlpGrpcReceiverTest.traceRequest(1, "v"));
      assertThat(channel.getState(false)).isEqualTo(ConnectivityState.READY);

      // The client's own idle timeout is 30 minutes: only the server's GOAWAY makes it idle.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> channel.getState(false) == ConnectivityState.IDLE);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    assertThat(running.traces.items()).isEqualTo(1);
  }

  @Test
  void keepsIdleConnectionsAMinuteByDefault() {
    assertThat(RunningReceiver.parse("protocols:\n  grpc:\n").grpc().orElseThrow().keepalive())
        .extracting(GrpcKeepaliveConfig::maxConnectionIdle)
        .isEqualTo(Duration.ofMinutes(1));
  }

  private static RunningReceiver startWithIdle(String idle) throws Exception {
    return RunningReceiver.start(
        """
        protocols:
          grpc:
            endpoint: "127.0.0.1:0"
            keepalive: { server_parameters: { max_connection_idle: %s } }
        """
            .formatted(idle));
  }

  /** The frames a server sent on a raw HTTP/2 connection until it closed it. */
  private record ServerFrames(List<Integer> types, long firstGoAwayNanos, long closedNanos) {

    static ServerFrames readUntilClosed(Socket socket) throws IOException {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      List<Integer> types = new ArrayList<>();
      long goAway = -1;
      try {
        while (true) {
          int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
          int type = in.readUnsignedByte();
          types.add(type);
          if (type == GOAWAY && goAway < 0) {
            goAway = System.nanoTime();
          }
          in.skipNBytes(1 + 4 + length); // flags, stream id, payload
        }
      } catch (EOFException | SocketException closed) {
        return new ServerFrames(types, goAway, System.nanoTime());
      }
    }
  }
}
