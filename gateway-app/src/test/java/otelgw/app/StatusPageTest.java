package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import otelgw.app.ClientExporters.Protocol;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.testing.OtlpBackend;

/**
 * {@code /status} and the page that shows it, rendered by a real browser: headless Chromium loads
 * the page, runs its script, and the DOM it renders holds the numbers {@code /status} reports. The
 * screenshot is kept at {@code target/status-page.png} for a person to look at.
 */
class StatusPageTest {

  private static final ObjectMapper json = new ObjectMapper();

  @TempDir Path profile;
  private OtlpBackend backend;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  @Test
  void statusReportsEachHop() throws Exception {
    try (RunningGateway gateway =
            RunningGateway.start(GatewayConfigs.forward(backend, Upstream.GRPC));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("status", 25))).isTrue();
      JsonNode traces = awaitExported(gateway, 25);

      assertThat(traces.path("items").asText()).isEqualTo("spans");
      assertThat(traces.path("receivers").get(0).path("received").asLong()).isEqualTo(25);
      assertThat(traces.path("receivers").get(0).path("refused").asLong()).isZero();
      assertThat(traces.path("ring").path("capacity").asLong()).isEqualTo(1024);
      JsonNode exporter = traces.path("exporters").get(0);
      assertThat(exporter.path("id").asText()).isEqualTo("otlp/backend");
      assertThat(exporter.path("status").asText()).isEqualTo("ok");
      assertThat(exporter.path("failed").asLong()).isZero();
      assertThat(exporter.path("queue_capacity").asLong()).isEqualTo(1000);
      assertThat(exporter.path("last_success").asText()).isNotBlank();
    }
  }

  @Test
  void pageRendersTheNumbersStatusReports() throws Exception {
    Optional<String> chromium = chromium();
    Assumptions.assumeTrue(
        chromium.isPresent(),
        "headless Chromium is not installed (Debian: apt-get install -y chromium); skipping the"
            + " browser test");
    try (RunningGateway gateway =
            RunningGateway.start(GatewayConfigs.forward(backend, Upstream.GRPC));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("page", 37))).isTrue();
      assertThat(client.exportLogs(TestTelemetry.logs("page", 6))).isTrue();
      JsonNode traces = awaitExported(gateway, 37);
      long received = traces.path("receivers").get(0).path("received").asLong();
      long exported = traces.path("exporters").get(0).path("exported").asLong();
      // The page's first read then comes over a second after this one: it shows rates at once.
      await().pollDelay(Duration.ofMillis(1100)).until(() -> true);

      String dom =
          run(
              chromium.get(),
              "--dump-dom",
              "--virtual-time-budget=5000",
              gateway.metricsUrl() + "/");
      Path screenshot = Path.of("target", "status-page.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      run(
          chromium.get(),
          "--screenshot=" + screenshot,
          "--window-size=1200,900",
          "--virtual-time-budget=5000",
          gateway.metricsUrl() + "/");

      assertThat(dom)
          .contains("data-key=\"traces receiver:otlp received\">" + received + "<")
          .contains("data-key=\"traces exporter:otlp/backend exported\">" + exported + "<")
          .contains("data-key=\"logs receiver:otlp received\">6<")
          .contains("data-key=\"traces receiver:otlp received/s\">0.0<")
          .contains(">healthy<");
      assertThat(screenshot).isNotEmptyFile();
    }
  }

  /** {@code /status} once the traces exporter has sent {@code spans}; its traces pipeline. */
  private static JsonNode awaitExported(RunningGateway gateway, long spans) {
    JsonNode[] traces = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              JsonNode status =
                  json.readTree(AdminHttp.get(gateway.metricsUrl() + "/status").body());
              traces[0] = status.path("pipelines").get(0);
              return traces[0].path("exporters").get(0).path("exported").asLong() == spans;
            });
    return traces[0];
  }

  /** Runs headless Chromium on a page and returns what it prints: the DOM for --dump-dom. */
  private String run(String chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(profile.getParent(), "chromium-out", ".html");
    Path err = Files.createTempFile(profile.getParent(), "chromium-err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
      assertThat(process.exitValue())
          .as("chromium: %s", Files.readString(err, StandardCharsets.UTF_8))
          .isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
  }

  private static Optional<String> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of("chromium", "chromium-browser", "google-chrome")
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }
}
