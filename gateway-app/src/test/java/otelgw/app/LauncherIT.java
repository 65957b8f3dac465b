package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/otelgw}, the launcher: it gives the JVM a bounded heap (the memory limiter's
 * percentages are of it) with a young generation of half of it, trims native memory where the JVM
 * can, lets {@code OTELGW_HEAP} and {@code JAVA_OPTS} change it, and says so when there is no jar
 * to run.
 */
class LauncherIT {

  private static final Pattern HARD_LIMIT = Pattern.compile("\\(hard limit (\\d+) MiB\\)");

  @TempDir Path dir;

  /** Starts otelgw through the launcher, reads its memory limiter's hard limit, stops it. */
  private long hardLimitMib(Map<String, String> env) throws Exception {
    try (OtelgwProcess otelgw = launchedWithALimiter(env)) {
      Matcher limit = HARD_LIMIT.matcher(otelgw.err() + otelgw.out());
      assertThat(limit.find()).isTrue();
      otelgw.terminate();
      assertThat(otelgw.waitFor(30)).isTrue();
      return Long.parseLong(limit.group(1));
    }
  }

  /** otelgw started through the launcher, once its memory limiter has said its limits. */
  private OtelgwProcess launchedWithALimiter(Map<String, String> env) throws Exception {
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
    OtelgwProcess otelgw = OtelgwProcess.launch(env, "--config", config.toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> HARD_LIMIT.matcher(otelgw.err() + otelgw.out()).find());
    return otelgw;
  }

  @Test
  void theHeapIsOtelgwHeapAndTheLimiterTakesItsShareOfIt() throws Exception {
    // The JVM reports less than -Xmx as its maximum: a survivor space, up to a sixth of a young
    // generation of half the heap, is not counted.
    assertThat(hardLimitMib(Map.of("OTELGW_HEAP", "96m"))).isBetween(36L, 48L);
    assertThat(hardLimitMib(Map.of())).isBetween(48L, 64L); // the default, 128m
  }

  @Test
  void requestBytesDieYoungAndFreedNativeMemoryGoesBack() throws Exception {
    try (OtelgwProcess otelgw = launchedWithALimiter(Map.of())) {
      String flags = run(jdkTool("jcmd"), Long.toString(otelgw.pid()), "VM.flags");

      assertThat(flags).contains("-XX:NewRatio=1", "-XX:+UseParallelGC");
      if (jvmTrims()) {
        assertThat(flags).contains("-XX:TrimNativeHeapInterval=1000");
      } else {
        assertThat(flags).doesNotContain("TrimNativeHeapInterval");
      }
    }
  }

  /** Whether this JDK knows the flag the launcher asks about (17.0.9 and later do). */
  private static boolean jvmTrims() throws Exception {
    Process probe =
        new ProcessBuilder(
                jdkTool("java"),
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:TrimNativeHeapInterval=1000",
                "-version")
            .redirectErrorStream(true)
            .start();
    probe.getInputStream().readAllBytes();
    return probe.waitFor() == 0;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }

  private static String jdkTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
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
