package otelgw.app.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import otelgw.app.admin.AdminServer;
import otelgw.app.admin.Reply;
import otelgw.config.ComponentId;
import otelgw.config.ComponentKind;
import otelgw.core.pipeline.ResolvedConfig;
import otelgw.core.telemetry.GatewayStatus;

/**
 * otelgw's own telemetry on {@code service.telemetry.metrics.address} (127.0.0.1:8888 by default;
 * none with {@code level: none}):
 *
 * <ul>
 *   <li>{@code /metrics}: every meter in Prometheus text format, JVM and process meters included;
 *   <li>{@code /status}: each pipeline hop by hop, with counts, rates and health, as JSON;
 *   <li>{@code /}: a page that shows {@code /status} as tables, refreshed every two seconds.
 * </ul>
 *
 * <p>{@link #close()} is idempotent.
 */
public final class TelemetryServer implements AutoCloseable {

  /** The Prometheus text exposition format, which every Prometheus-compatible scraper reads. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final String PAGE = "status.html";

  private final AdminServer server;
  private final JvmMeters jvm;

  private TelemetryServer(AdminServer server, JvmMeters jvm) {
    this.server = server;
    this.jvm = jvm;
  }

  /**
   * Starts serving {@code registry} and {@code status} on the configured address; empty when the
   * config turns self-metrics off.
   *
   * @param meters where the JVM and process meters are registered: {@code registry} or a composite
   *     that holds it, so that they are also pushed wherever the other meters are
   * @throws IOException when it cannot listen there
   */
  public static Optional<TelemetryServer> start(
      ResolvedConfig config,
      PrometheusMeterRegistry registry,
      MeterRegistry meters,
      Supplier<GatewayStatus> status)
      throws IOException {
    Optional<String> address = config.config().telemetry().metricsAddress();
    if (address.isEmpty()) {
      return Optional.empty();
    }
    Duration window = exporterFailureWindow(config);
    RateSampler sampler = new RateSampler();
    byte[] page = page();
    JvmMeters jvm = new JvmMeters(meters);
    try {
      AdminServer server =
          AdminServer.start(
              "service.telemetry.metrics",
              address.get(),
              Map.of(
                  "/metrics",
                  () ->
                      new Reply(
                          200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8)),
                  "/status",
                  () -> {
                    GatewayStatus now = status.get();
                    Health health = Health.of(now, window);
                    return Reply.json(200, StatusJson.write(health, sampler.update(now), window));
                  },
                  "/",
                  () -> new Reply(200, "text/html; charset=utf-8", page)));
      return Optional.of(new TelemetryServer(server, jvm));
    } catch (IOException | RuntimeException e) {
      jvm.close();
      throw e;
    }
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return server.address();
  }

  @Override
  public void close() {
    server.close();
    jvm.close();
  }

  /** The health check's window when one is configured, so that both pages judge alike. */
  private static Duration exporterFailureWindow(ResolvedConfig config) {
    for (ComponentId id : config.config().serviceExtensions()) {
      if (config.component(ComponentKind.EXTENSION, id).config() instanceof HealthCheckConfig c) {
        return c.exporterFailureWindow();
      }
    }
    return HealthCheckConfig.DEFAULT_EXPORTER_FAILURE_WINDOW;
  }

  private static byte[] page() {
    try (InputStream in = TelemetryServer.class.getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IllegalStateException(PAGE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
