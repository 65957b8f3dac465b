package otelgw.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ConfigException;
import otelgw.config.Durations;
import otelgw.core.pipeline.ResolvedConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of running the gateway, and the run itself: until SIGTERM or SIGINT, then a drain
 * within the grace period. Shared by {@code otelgw} with no command and {@code otelgw run}.
 */
final class GatewayRun {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "trace, debug, info, warn or error; overrides service.telemetry.logs.level.")
  String logLevel;

  @Option(
      names = "--grace-period",
      paramLabel = "DURATION",
      description = "How long shutdown may take to deliver what was accepted (default: 30s).")
  String gracePeriod = Durations.format(Gateway.DEFAULT_GRACE_PERIOD);

  /** Runs until the process is told to stop; returns the exit code. */
  int run(CommandSpec spec) throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Duration grace;
    try {
      grace = Durations.parse(gracePeriod);
    } catch (IllegalArgumentException e) {
      err.println("otelgw: --grace-period: " + e.getMessage());
      return 2;
    }
    ConfigSource source = config.source();
    ResolvedConfig resolved;
    try {
      resolved = source.resolve();
    } catch (ConfigException e) {
      ConfigErrors.print(e, err);
      return 1;
    }
    Logging.configure(resolved.config().telemetry(), logLevel);
    Logger logger = LoggerFactory.getLogger(GatewayRun.class);
    resolved.config().problems().warnings().forEach(w -> logger.warn("config: {}", w));
    if (logger.isDebugEnabled()) {
      logger.debug("effective config, secrets masked:\n{}", resolved.config().toMaskedYaml());
    }

    long start = System.nanoTime();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gateway gateway;
    try {
      gateway = Gateway.start(resolved, meters);
    } catch (Exception e) {
      logger.error("otelgw could not start: {}", e.getMessage());
      return 1;
    }
    StartupReport.log(logger, resolved, source, Duration.ofNanos(System.nanoTime() - start));

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.shutdown(grace);
                  stopped.countDown();
                },
                "otelgw-shutdown"));
    stopped.await();
    return 0;
  }
}
