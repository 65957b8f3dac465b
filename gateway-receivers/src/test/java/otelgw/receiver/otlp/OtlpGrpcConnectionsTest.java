package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;
import otelgw.core.telemetry.MetricNames;

/** What the gRPC server does with connections: closes idle ones, bounds streams on each. */
class OtlpGrpcConnectionsTest {

  private static final int HEADERS = 0x1;
  private static final int RST_STREAM = 0x3;
  private static final int SETTINGS = 0x4;
  private static final int GOAWAY = 0x7;
  private static final int ACK = 0x1;
  private static final int END_HEADERS = 0x4;
  private static final int REFUSED_STREAM = 0x7;

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
    await().atMost(Duration.ofSeconds(5)).until(() -> idleClosed() == 1);
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
    await().atMost(Duration.ofSeconds(5)).until(() -> idleClosed() == 1);
  }

  @Test
  void countsOnlyTheConnectionsItClosedForIdleness() throws Exception {
    running = startWithIdle("2s");
    ManagedChannel leaving = channel();
    ManagedChannel staying = channel();
    try {
      TraceServiceGrpc.newBlockingStub(leaving).export(OtlpGrpcReceiverTest.traceRequest(1, "a"));
      TraceServiceGrpc.newBlockingStub(staying).export(OtlpGrpcReceiverTest.traceRequest(1, "b"));
      // The client closes this one itself, long before the server would: not an idle close.
      leaving.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> staying.getState(false) == ConnectivityState.IDLE);
      await().atMost(Duration.ofSeconds(5)).until(() -> idleClosed() >= 1);
      assertThat(idleClosed()).isEqualTo(1);
    } finally {
      staying.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void doesNotCountAConnectionClosedWithACallOpen() throws Exception {
    running = startWithIdle("300ms");
    ManagedChannel busy = channel();
    ManagedChannel quiet = channel();
    try {
      ClientCall<ExportTraceServiceRequest, ExportTraceServiceResponse> open =
          busy.newCall(TraceServiceGrpc.getExportMethod(), CallOptions.DEFAULT);
      CompletableFuture<Status> closed = new CompletableFuture<>();
      open.start(
          new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
              closed.complete(status);
            }
          },
          new Metadata());
      open.request(1);
      // An open call keeps the connection past max_connection_idle: grpc does not close it...
      await()
          .during(Duration.ofMillis(800))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !closed.isDone());
      // ...and when the client drops it with the call open, that is not an idle close.
      busy.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

      // A connection idle after its call is, and it is closed after the one above.
      TraceServiceGrpc.newBlockingStub(quiet).export(OtlpGrpcReceiverTest.traceRequest(1, "q"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> quiet.getState(false) == ConnectivityState.IDLE);
      await().atMost(Duration.ofSeconds(5)).until(() -> idleClosed() >= 1);
      assertThat(idleClosed()).isEqualTo(1);
    } finally {
      busy.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      quiet.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void allowsForTheHandshakeWithinAMarginOfAtMostASecond() {
    assertThat(GrpcIdleCount.margin(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(150));
    assertThat(GrpcIdleCount.margin(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusesAStreamOverMaxConcurrentStreams() throws Exception {
    running = startWithMaxStreams(1);

    try (Socket socket = new Socket("127.0.0.1", running.grpcPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(US_ASCII));
      out.write(frame(SETTINGS, 0, 0, new byte[0]));
      // The server applies its SETTINGS, max streams among them, once the client acknowledges.
      out.write(frame(SETTINGS, ACK, 0, new byte[0]));
      byte[] headers = exportHeaders();
      // Two calls opened and left waiting for their message: the second is one too many.
      out.write(frame(HEADERS, END_HEADERS, 1, headers));
      out.write(frame(HEADERS, END_HEADERS, 3, headers));
      out.flush();

      ServerFrame reset = ServerFrame.readUntil(socket, RST_STREAM);

      assertThat(reset.stream()).isEqualTo(3);
      assertThat(reset.errorCode()).isEqualTo(REFUSED_STREAM);
    }
  }

  @Test
  void grpcClientsQueueCallsOverMaxConcurrentStreams() throws Exception {
    running = startWithMaxStreams(1);
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", running.grpcPort()).usePlaintext().build();
    try {
      // A first call, so that the client has the server's SETTINGS before the test begins.
      TraceServiceGrpc.newBlockingStub(channel).export(OtlpGrpcReceiverTest.traceRequest(1, "v"));
      ClientCall<ExportTraceServiceRequest, ExportTraceServiceResponse> open =
          channel.newCall(TraceServiceGrpc.getExportMethod(), CallOptions.DEFAULT);
      CompletableFuture<Status> openClosed = new CompletableFuture<>();
      open.start(
          new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
              openClosed.complete(status);
            }
          },
          new Metadata());
      open.request(1);

      ListenableFuture<ExportTraceServiceResponse> queued =
          TraceServiceGrpc.newFutureStub(channel)
              .export(OtlpGrpcReceiverTest.traceRequest(1, "queued"));

      // grpc-java keeps to the server's limit: the second call waits while the first is open...
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !queued.isDone());
      assertThat(running.traces.batches()).hasSize(1);
      open.sendMessage(OtlpGrpcReceiverTest.traceRequest(1, "open"));
      open.halfClose();
      // ...and goes once it is done.
      assertThat(openClosed.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);
      assertThat(queued.get(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(running.traces.batches()).hasSize(3);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void keepsIdleConnectionsAMinuteByDefault() {
    assertThat(RunningReceiver.parse("protocols:\n  grpc:\n").grpc().orElseThrow().keepalive())
        .extracting(GrpcKeepaliveConfig::maxConnectionIdle)
        .isEqualTo(Duration.ofMinutes(1));
  }

  private ManagedChannel channel() {
    return NettyChannelBuilder.forAddress("127.0.0.1", running.grpcPort()).usePlaintext().build();
  }

  private double idleClosed() {
    return running.counter(MetricNames.RECEIVER_IDLE_CLOSED, "transport", "grpc");
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

  private static RunningReceiver startWithMaxStreams(int max) throws Exception {
    return RunningReceiver.start(
        """
        protocols:
          grpc: { endpoint: "127.0.0.1:0", max_concurrent_streams: %d }
        """
            .formatted(max));
  }

  /**
   * The HPACK block of an Export call's headers: literal fields, never indexed or Huffman-coded.
   */
  private static byte[] exportHeaders() {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    String[][] fields = {
      {":method", "POST"},
      {":scheme", "http"},
      {":path", "/" + GrpcExportMethod.fullMethodName(Signal.TRACES)},
      {":authority", "127.0.0.1"},
      {"content-type", "application/grpc"},
      {"te", "trailers"}
    };
    for (String[] field : fields) {
      block.write(0x00); // literal without indexing, new name
      for (String text : field) {
        byte[] bytes = text.getBytes(US_ASCII);
        block.write(bytes.length); // each is shorter than 127 bytes: a one-byte length
        block.writeBytes(bytes);
      }
    }
    return block.toByteArray();
  }

  private static byte[] frame(int type, int flags, int stream, byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(9 + payload.length);
    frame.put((byte) (payload.length >>> 16)).putShort((short) payload.length);
    frame.put((byte) type).put((byte) flags).putInt(stream).put(payload);
    return frame.array();
  }

  /** One frame a server sent on a raw HTTP/2 connection. */
  private record ServerFrame(int type, int stream, byte[] payload) {

    /** Reads frames until one of {@code type}; fails if the connection closes first. */
    static ServerFrame readUntil(Socket socket, int type) throws IOException {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      while (true) {
        int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
        int frameType = in.readUnsignedByte();
        in.readUnsignedByte(); // flags
        int stream = in.readInt() & Integer.MAX_VALUE;
        byte[] payload = in.readNBytes(length);
        if (frameType == type) {
          return new ServerFrame(frameType, stream, payload);
        }
      }
    }

    int errorCode() {
      return ByteBuffer.wrap(payload).getInt();
    }
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
