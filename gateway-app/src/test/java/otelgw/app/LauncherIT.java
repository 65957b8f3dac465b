package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/otelgw}, the launcher: it gives the JVM a fixed heap (the memory limiter's percentages
 * are of it), lets {@code OTELGW_HEAP} and {@code JAVA_OPTS} change it, and says so when there is
 * no jar to run.
 */
class LauncherIT {

  private static final Pattern HARD_LIMIT = Pattern.compile("\\(hard limit (\\d+) MiB\\)");

  @TempDir Path dir;

  /** Starts otelgw through the launcher, reads its memory limiter's hard limit, stops it. */
  private long hardLimitMib(Map<String, String> env) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%d
        processors:
          memory_limiter:
            check_interval: 1s
            limit_percentage: 50
            spike_limit_percentage: 20
        exporters:
          debug: {}
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [memory_limiter]
              exporters: [debug]
          telemetry:
            metrics:
              level: none
        """
            .formatted(FreePorts.next()));
    try (OtelgwProcess otelgw = OtelgwProcess.launch(env, "--config", config.toString())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> HARD_LIMIT.matcher(otelgw.err() + otelgw.out()).find());
      Matcher limit = HARD_LIMIT.matcher(otelgw.err() + otelgw.out());
      assertThat(limit.find()).isTrue();
      otelgw.terminate();
      assertThat(otelgw.waitFor(30)).isTrue();
      return Long.parseLong(limit.group(1));
    }
  }

  @Test
  void theHeapIsOtelgwHeapAndTheLimiterTakesItsShareOfIt() throws Exception {
    // The JVM reports a little less than -Xmx as its maximum (a survivor space is not counted).
    assertThat(hardLimitMib(Map.of("OTELGW_HEAP", "96m"))).isBetween(40L, 48L);
    assertThat(hardLimitMib(Map.of())).isBetween(112L, 128L); // the default, 256m
  }

  @Test
  void javaOptsComeLastAndWin() throws Exception {
    assertThat(hardLimitMib(Map.of("JAVA_OPTS", "-Xms320m -Xmx320m"))).isBetween(140L, 160L);
  }

  @Test
  void aMissingJarIsNamedWithHowToBuildIt() throws Exception {
    try (OtelgwProcess otelgw =
        OtelgwProcess.launch(Map.of("OTELGW_JAR", "/nowhere/otelgw.jar"), "components")) {
      assertThat(otelgw.waitFor(30)).isTrue();
      assertThat(otelgw.exitCode()).isEqualTo(2);
      assertThat(otelgw.err()).contains("/nowhere/otelgw.jar", "./mvnw -q -DskipTests package");
    }
  }
}
