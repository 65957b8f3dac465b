package otelgw.receiver.otlp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.AuthSettings;
import otelgw.config.ComponentId;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Component;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.component.ServerAuthenticator;
import otelgw.core.otlp.OtlpJsonOptions;
import otelgw.core.pipeline.Ingresses;

/**
 * The OTLP receiver: an OTLP/gRPC server and an OTLP/HTTP server, whichever are configured, both
 * publishing to the receiver's ingresses. Thread-safe lifecycle.
 */
final class OtlpReceiver implements Component {

  private static final Logger logger = LoggerFactory.getLogger(OtlpReceiver.class);

  private final ComponentId id;
  private final ProtocolServer grpc; // null when not configured
  private final ProtocolServer http; // null when not configured
  private boolean started;
  private boolean stopped;

  /**
   * @throws IllegalArgumentException if an {@code auth} block names an extension that is not
   *     running or cannot authenticate requests
   */
  OtlpReceiver(ReceiverSettings settings, OtlpReceiverConfig config) {
    this.id = settings.id();
    this.grpc =
        config
            .grpc()
            .map(
                c ->
                    (ProtocolServer)
                        new OtlpGrpcServer(
                            id,
                            c,
                            intakes(
                                settings,
                                "grpc",
                                config.maxNestingDepth(),
                                OtlpJsonOptions.defaults()),
                            authenticator(settings, c.auth()),
                            new ReceiverMeters(id, "grpc", settings.meters())))
            .orElse(null);
    this.http =
        config
            .http()
            .map(
                c ->
                    (ProtocolServer)
                        new OtlpHttpServer(
                            id,
                            c,
                            intakes(settings, "http", config.maxNestingDepth(), c.jsonOptions()),
                            authenticator(settings, c.auth()),
                            new ReceiverMeters(id, "http", settings.meters())))
            .orElse(null);
  }

  private static ServerAuthenticator authenticator(
      ReceiverSettings settings, Optional<AuthSettings> auth) {
    return auth.map(
            a ->
                settings
                    .extensions()
                    .get(
                        a.authenticator().id(),
                        ServerAuthenticator.class,
                        "receiver " + settings.id()))
        .orElse(null);
  }

  private static List<SignalIntake<?, ?>> intakes(
      ReceiverSettings settings, String transport, int maxNestingDepth, OtlpJsonOptions json) {
    Ingresses ingresses = settings.ingresses();
    return List.of(
        SignalIntake.of(BatchType.TRACES, ingresses, transport, maxNestingDepth, json),
        SignalIntake.of(BatchType.METRICS, ingresses, transport, maxNestingDepth, json),
        SignalIntake.of(BatchType.LOGS, ingresses, transport, maxNestingDepth, json));
  }

  @Override
  public synchronized void start() throws Exception {
    if (started || stopped) {
      throw new IllegalStateException(
          id + " receiver: start() may be called once, before shutdown");
    }
    started = true;
    List<ProtocolServer> running = new ArrayList<>();
    try {
      for (ProtocolServer server : servers()) {
        server.start();
        running.add(server);
        logger.info("{} receiver listening on {}", id, server.boundAddress());
      }
    } catch (Exception e) {
      // Leave nothing bound behind a failed start.
      stop(running, 0);
      throw e;
    }
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    if (stopped) {
      return;
    }
    stopped = true;
    stop(servers(), deadline.toNanos());
  }

  private static void stop(List<ProtocolServer> servers, long deadlineNanos) {
    long deadline = System.nanoTime() + deadlineNanos;
    // Both stop accepting at once, then share the time for draining.
    servers.forEach(ProtocolServer::stopAccepting);
    servers.forEach(server -> server.awaitStopped(deadline));
  }

  private List<ProtocolServer> servers() {
    List<ProtocolServer> servers = new ArrayList<>(2);
    if (grpc != null) {
      servers.add(grpc);
    }
    if (http != null) {
      servers.add(http);
    }
    return servers;
  }

  /** The gRPC server's bound address, or null; for tests listening on port 0. */
  InetSocketAddress grpcAddress() {
    return grpc == null ? null : grpc.boundAddress();
  }

  /** The HTTP server's bound address, or null; for tests listening on port 0. */
  InetSocketAddress httpAddress() {
    return http == null ? null : http.boundAddress();
  }
}
