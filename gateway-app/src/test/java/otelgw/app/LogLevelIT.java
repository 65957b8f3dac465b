package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-level} against the real jar: it overrides {@code service.telemetry.logs.level}, in
 * both directions, for the whole run from start-up to exit.
 */
class LogLevelIT {

  private static final Predicate<String> STARTED = log -> log.contains("started in");

  @TempDir Path dir;

  /**
   * Runs otelgw until it listens and its log so far passes {@code started}, stops it with SIGTERM,
   * and returns everything it logged. The port listens before start-up ends: a run stopped then
   * would not have logged "started in" yet.
   */
  private String runAndStop(Predicate<String> started, String... options) throws Exception {
    int grpcPort = FreePorts.next();
    Path config = dir.resolve("config-" + grpcPort + ".yaml");
    // level: none with a reader is a config warning: a WARN line every run writes.
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%d
        exporters:
          debug: {}
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [debug]
          telemetry:
            logs:
              level: info
            metrics:
              level: none
              readers:
                - periodic: { exporter: { otlp: { endpoint: "http://127.0.0.1:1/v1/metrics" } } }
        """
            .formatted(grpcPort));
    String[] args = new String[options.length + 2];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "--config";
    args[options.length + 1] = config.toString();
    try (OtelgwProcess otelgw = OtelgwProcess.start(args)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> listening(grpcPort) && started.test(otelgw.err()));
      otelgw.terminate();
      assertThat(otelgw.waitFor(30)).isTrue();
      return otelgw.err();
    }
  }

  @Test
  void theConfiguredLevelLogsInfoButNotDebug() throws Exception {
    String log = runAndStop(STARTED);

    assertThat(log)
        .contains(" INFO ", "started in", " WARN ", "config: ")
        .doesNotContain(" DEBUG ");
  }

  @Test
  void warnLeavesOnlyWarnings() throws Exception {
    // At warn nothing is logged when start-up ends: the run stops once the port listens.
    String log = runAndStop(anyLog -> true, "--log-level", "warn");

    assertThat(log)
        .contains(" WARN ", "'level: none' turns self-metrics off")
        .doesNotContain(" INFO ", "started in", "shut down in");
  }

  @Test
  void debugShowsTheEffectiveConfig() throws Exception {
    String log = runAndStop(STARTED, "--log-level", "debug");

    assertThat(log)
        .contains(" DEBUG ", "effective config, secrets masked:", "endpoint: 127.0.0.1:")
        .contains(" INFO ", "started in");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
