package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: a separate process, its exit codes and its output. */
class CliIT {

  @TempDir Path dir;

  @Test
  void versionAndHelp() throws Exception {
    try (OtelgwProcess version = OtelgwProcess.run("--version");
        OtelgwProcess help = OtelgwProcess.run("validate", "--help")) {
      assertThat(version.exitCode()).isZero();
      assertThat(version.out()).startsWith("otelgw ");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("--config");
    }
  }

  @Test
  void everyExampleValidates() throws Exception {
    try (Stream examples = new Stream(Path.of("../examples"))) {
      for (Path example : examples.files) {
        try (OtelgwProcess validate =
            OtelgwProcess.run(
                Map.of("BACKEND_TOKEN", "t", "BACKEND_ENDPOINT", "localhost:4317"),
                "validate",
                "--config",
                example.toString())) {
          assertThat(validate.exitCode()).as(example + ": " + validate.err()).isZero();
          assertThat(validate.out()).contains("is valid");
        }
      }
    }
  }

  @Test
  void invalidConfigListsEveryErrorWithItsPathAndExitsOne() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpont: 127.0.0.1:4317
        exporters:
          otlp/backend:
            endpoint: localhost:4317
            retry_on_failure:
              multiplier: 0.5
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [otlp/backnd]
        """);
    try (OtelgwProcess validate = OtelgwProcess.run("validate", "--config", config.toString())) {
      assertThat(validate.exitCode()).isEqualTo(1);
      assertThat(validate.err())
          .contains("receivers.otlp.protocols.grpc.endpont")
          .contains("did you mean 'endpoint'")
          .contains("exporters.otlp/backend.retry_on_failure.multiplier")
          .contains("'otlp/backnd' is not defined")
          .doesNotContain("Exception");
    }
  }

  @Test
  void usageErrorExitsTwo() throws Exception {
    try (OtelgwProcess process = OtelgwProcess.run("validate", "--no-such-option")) {
      assertThat(process.exitCode()).isEqualTo(2);
    }
  }

  @Test
  void printConfigNeverPrintsASecret() throws Exception {
    Path config = dir.resolve("secret.yaml");
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              http:
        exporters:
          otlphttp:
            endpoint: https://backend.example
            headers:
              Authorization: "Bearer s3cr3t-t0ken-value"
              X-Api-Key: "another-s3cr3t"
        service:
          pipelines:
            logs:
              receivers: [otlp]
              exporters: [otlphttp]
        """);
    try (OtelgwProcess print = OtelgwProcess.run("print-config", "--config", config.toString())) {
      assertThat(print.exitCode()).isZero();
      assertThat(print.out())
          .contains("https://backend.example")
          .contains("[REDACTED]")
          .doesNotContain("s3cr3t");
    }
  }

  @Test
  void componentsListsEveryType() throws Exception {
    try (OtelgwProcess components = OtelgwProcess.run("components")) {
      assertThat(components.exitCode()).isZero();
      assertThat(components.out()).contains("otlp ").contains("otlphttp").contains("debug");
    }
  }

  @Test
  void portInUseIsAClearMessageNotAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("taken.yaml");
      Files.writeString(
          config,
          """
          receivers:
            otlp:
              protocols:
                grpc:
                  endpoint: 127.0.0.1:%d
          exporters:
            debug:
          service:
            pipelines:
              traces:
                receivers: [otlp]
                exporters: [debug]
            telemetry:
              metrics:
                address: 127.0.0.1:%d
          """
              .formatted(taken.getLocalPort(), FreePorts.next()));
      try (OtelgwProcess run = OtelgwProcess.run("--config", config.toString())) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
      }
    }
  }

  /** The example files, listed once. */
  private static final class Stream implements AutoCloseable {
    final java.util.List<Path> files;

    Stream(Path dir) throws java.io.IOException {
      try (java.util.stream.Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
      assertThat(files).isNotEmpty();
    }

    @Override
    public void close() {}
  }
}
