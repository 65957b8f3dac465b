package otelgw.receiver.otlp;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.core.component.ServerAuthenticator;
import otelgw.core.net.ListenerExposure;

/**
 * OTLP/gRPC on grpc-java's Netty transport: the three {@code Export} methods on raw bytes, with
 * bounds on message size, metadata, concurrent calls and stream resets.
 */
final class OtlpGrpcServer implements ProtocolServer {

  static final String PROTOCOL = "OTLP/gRPC";

  private static final Logger logger = LoggerFactory.getLogger(OtlpGrpcServer.class);

  private final ComponentId id;
  private final OtlpGrpcConfig config;
  private final List<SignalIntake<?, ?>> intakes;
  private final ServerAuthenticator auth; // null without an auth block
  private final ReceiverMeters meters;
  private Server server;
  private ServerTls tls; // null for plaintext

  /**
   * @param auth the authenticator of the {@code auth} block, or null
   */
  OtlpGrpcServer(
      ComponentId id,
      OtlpGrpcConfig config,
      List<SignalIntake<?, ?>> intakes,
      ServerAuthenticator auth,
      ReceiverMeters meters) {
    this.id = id;
    this.config = config;
    this.intakes = List.copyOf(intakes);
    this.auth = auth;
    this.meters = meters;
  }

  @Override
  public void start() throws IOException {
    InetSocketAddress address =
        ListenFailure.resolve(id, config.endpoint(), PROTOCOL, config.address());
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address)
            // Handlers only scan and try to publish, never block: run them on the I/O thread.
            .directExecutor()
            .maxInboundMessageSize(config.maxRecvMsgSizeBytes())
            .maxInboundMetadataSize(config.maxHeaderListSize())
            .maxConcurrentCallsPerConnection(config.maxConcurrentStreams())
            .maxRstFramesPerWindow(
                config.maxRstFramesPerWindow(), (int) config.rstFramesWindow().getSeconds())
            .addStreamTracerFactory(new GrpcOversizeCount(meters))
            .addStreamTracerFactory(new GrpcEncodingCount(meters));
    keepalive(builder, config.keepalive());
    Duration idle = config.keepalive().maxConnectionIdle();
    if (!idle.isZero()) {
      GrpcIdleCount idleCount = new GrpcIdleCount(idle, meters, System::nanoTime);
      builder
          .addTransportFilter(idleCount.transportFilter())
          .addStreamTracerFactory(idleCount.streamTracerFactory());
    }
    if (auth != null) {
      builder.intercept(new GrpcAuth(auth, meters));
    }
    GrpcRequest.Marshaller requests = new GrpcRequest.Marshaller(config.maxRecvMsgSizeMib());
    for (SignalIntake<?, ?> intake : intakes) {
      builder.addService(GrpcExportMethod.service(intake, requests, meters));
    }
    if (config.tls().isPresent()) {
      tls = ServerTls.start(id, config.endpoint(), PROTOCOL, config.tls().get());
    }
    try {
      if (tls != null) {
        builder.sslContext(GrpcTls.serverContext(id, config.endpoint(), tls));
      }
      Server built = builder.build();
      try {
        built.start();
      } catch (IOException e) {
        throw ListenFailure.of(id, config.endpoint(), PROTOCOL, e);
      }
      server = built;
    } catch (IOException | RuntimeException e) {
      closeTls();
      throw e;
    }
    ListenerExposure.warnIfExposed(
        logger,
        id + " receiver, " + PROTOCOL,
        config.address().getHostString(),
        boundAddress(),
        tls != null,
        // A client certificate the server requires authenticates as well as a token.
        auth != null || tls != null && tls.settings().clientCaFile().isPresent());
  }

  private void closeTls() {
    if (tls != null) {
      tls.close();
    }
  }

  private static void keepalive(NettyServerBuilder builder, GrpcKeepaliveConfig keepalive) {
    builder
        .keepAliveTime(keepalive.time().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(keepalive.timeout().toNanos(), TimeUnit.NANOSECONDS)
        .permitKeepAliveTime(keepalive.minTime().toNanos(), TimeUnit.NANOSECONDS)
        .permitKeepAliveWithoutCalls(keepalive.permitWithoutStream());
    // Zero means "never", which is grpc's default for these three: leave them unset. Idle time
    // counts from the connection's start or its last call, so it also ends a connection that
    // never makes a call.
    ifSet(keepalive.maxConnectionIdle(), d -> builder.maxConnectionIdle(d, TimeUnit.NANOSECONDS));
    ifSet(keepalive.maxConnectionAge(), d -> builder.maxConnectionAge(d, TimeUnit.NANOSECONDS));
    ifSet(
        keepalive.maxConnectionAgeGrace(),
        d -> builder.maxConnectionAgeGrace(d, TimeUnit.NANOSECONDS));
  }

  private static void ifSet(Duration duration, java.util.function.LongConsumer setter) {
    if (!duration.isZero()) {
      setter.accept(duration.toNanos());
    }
  }

  @Override
  public InetSocketAddress boundAddress() {
    Server running = server;
    return running == null ? null : (InetSocketAddress) running.getListenSockets().get(0);
  }

  @Override
  public void stopAccepting() {
    if (server != null) {
      // Graceful: GOAWAY to clients, calls under way run to their end.
      server.shutdown();
    }
  }

  @Override
  public void awaitStopped(long deadlineNanos) {
    closeTls();
    if (server == null) {
      return;
    }
    try {
      if (!server.awaitTermination(
          Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        server.shutdownNow();
        server.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
