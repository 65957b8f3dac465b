package otelgw.app.status;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import otelgw.app.admin.AdminServer;
import otelgw.app.admin.Endpoint;
import otelgw.app.admin.Reply;
import otelgw.app.status.Health.Depth;
import otelgw.config.ComponentId;
import otelgw.core.component.Component;
import otelgw.core.component.ExtensionSettings;
import otelgw.core.telemetry.GatewayStatus;

/**
 * The {@code health_check} extension: the full check on its {@code path}, {@code /live} and {@code
 * /ready} beside it, each 200 when it passes and 503 when not, with a JSON body that says why.
 * Started before the pipelines and stopped after them, so it answers 503 "starting up" and
 * "shutting down" rather than refusing connections.
 */
final class HealthCheckExtension implements Component {

  private final ComponentId id;
  private final HealthCheckConfig config;
  private final Supplier<GatewayStatus> status;
  private AdminServer server;

  HealthCheckExtension(ExtensionSettings settings, HealthCheckConfig config) {
    this.id = settings.id();
    this.config = config;
    this.status = settings.status();
  }

  @Override
  public synchronized void start() throws Exception {
    if (server != null) {
      return;
    }
    server =
        AdminServer.start(
            id.toString(),
            config.endpoint(),
            Map.of(
                config.path(),
                full(),
                HealthCheckConfig.LIVE_PATH,
                probe(Depth.LIVE),
                HealthCheckConfig.READY_PATH,
                probe(Depth.READY)));
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private Endpoint full() {
    return () -> {
      Health health = Health.of(status.get(), config.exporterFailureWindow());
      return Reply.json(
          code(health.healthy()), HealthJson.full(health, config.exporterFailureWindow()));
    };
  }

  private Endpoint probe(Depth depth) {
    return () -> {
      Health health = Health.of(status.get(), config.exporterFailureWindow());
      return Reply.json(code(health.passes(depth)), HealthJson.probe(health, depth));
    };
  }

  private static int code(boolean passes) {
    return passes ? 200 : 503;
  }
}
