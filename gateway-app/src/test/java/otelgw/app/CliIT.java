package otelgw.app;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import otelgw.config.ComponentKind;
import otelgw.core.component.Factories;
import otelgw.core.component.Factory;

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

  @ParameterizedTest(name = "otelgw {0} --help")
  @ValueSource(strings = {"", "run", "validate", "print-config", "components"})
  void everyCommandHasHelp(String command) throws Exception {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    try (OtelgwProcess help = OtelgwProcess.run(args)) {
      assertThat(help.exitCode()).as(help.err()).isZero();
      assertThat(help.out())
          .startsWith(command.isEmpty() ? "Usage: otelgw [" : "Usage: otelgw " + command + " [")
          .contains("--help");
      if (command.isEmpty()) {
        assertThat(help.out())
            .contains("Commands:")
            .containsPattern("(?m)^  run ")
            .containsPattern("(?m)^  validate ")
            .containsPattern("(?m)^  print-config ")
            .containsPattern("(?m)^  components ");
      }
      if (!command.equals("components")) {
        assertThat(help.out()).contains("--config=FILE").contains("--set=KEY=VALUE");
      }
    }
  }

  @Test
  void componentsShowsEachTypesStability() throws Exception {
    try (OtelgwProcess components = OtelgwProcess.run("components")) {
      assertThat(components.exitCode()).isZero();
      String out = components.out();
      Factories factories = Components.all();
      for (ComponentKind kind : ComponentKind.values()) {
        String section = section(out, kind.section());
        assertThat(factories.all(kind)).as(kind.section()).isNotEmpty();
        for (Factory<?> factory : factories.all(kind)) {
          assertThat(section)
              .as("%s %s", kind.section(), factory.type())
              .containsPattern(
                  "(?m)^  " + Pattern.quote(factory.type()) + " +" + factory.stability() + "\\b");
        }
      }
      // Each listed line names one of the Collector's stability levels.
      assertThat(out.lines().filter(line -> line.startsWith("  ")))
          .isNotEmpty()
          .allSatisfy(
              line -> assertThat(line).matches("  [a-z_]+ +(development|alpha|beta|stable)\\b.*"));
    }
  }

  @Test
  void printConfigShowsTwoFilesMergedAndASetOverride() throws Exception {
    Path base = dir.resolve("base.yaml");
    Files.writeString(
        base,
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:4317
        processors:
          batch:
            send_batch_size: 100
            timeout: 1s
        exporters:
          debug:
            verbosity: basic
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [debug]
        """);
    Path overlay = dir.resolve("overlay.yaml");
    Files.writeString(
        overlay,
        """
        processors:
          batch:
            timeout: 2s
        exporters:
          debug:
            verbosity: detailed
        """);
    try (OtelgwProcess print =
        OtelgwProcess.run(
            "print-config",
            "--config",
            base.toString(),
            "--config",
            overlay.toString(),
            "--set",
            "processors.batch.send_batch_size=77")) {
      assertThat(print.exitCode()).as(print.err()).isZero();
      Map<String, Object> printed = new Yaml().load(print.out());
      assertThat(printed)
          .extractingByKey("processors", as(InstanceOfAssertFactories.MAP))
          .extractingByKey("batch", as(InstanceOfAssertFactories.MAP))
          .as("the overlay's timeout, the --set batch size")
          .containsOnly(entry("send_batch_size", 77), entry("timeout", "2s"));
      assertThat(printed)
          .extractingByKey("exporters", as(InstanceOfAssertFactories.MAP))
          .extractingByKey("debug", as(InstanceOfAssertFactories.MAP))
          .containsOnly(entry("verbosity", "detailed"));
      assertThat(printed)
          .extractingByKey("receivers", as(InstanceOfAssertFactories.MAP))
          .extractingByKey("otlp", as(InstanceOfAssertFactories.MAP))
          .as("what only the first file says is kept")
          .isEqualTo(Map.of("protocols", Map.of("grpc", Map.of("endpoint", "127.0.0.1:4317"))));
    }
  }

  @Test
  void validateWithOnlyWarningsExitsZeroAndPrintsThem() throws Exception {
    Path config = dir.resolve("unused.yaml");
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:4317
        exporters:
          debug:
          otlp/unused:
            endpoint: localhost:4317
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [debug]
        """);
    try (OtelgwProcess validate = OtelgwProcess.run("validate", "--config", config.toString())) {
      assertThat(validate.exitCode()).as(validate.err()).isZero();
      assertThat(validate.out())
          .as("the warning names the line of the component's name")
          .contains("warning: exporters.otlp/unused (line 8)")
          .contains("exporter 'otlp/unused' is defined but no pipeline uses it")
          .contains("is valid");
    }
  }

  @Test
  void printConfigOfAnInvalidConfigPrintsTheErrorsNotTheConfig() throws Exception {
    Path config = dir.resolve("typo.yaml");
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpont: 127.0.0.1:4317
        exporters:
          debug:
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [debug]
        """);
    try (OtelgwProcess print = OtelgwProcess.run("print-config", "--config", config.toString())) {
      assertThat(print.exitCode()).isEqualTo(1);
      assertThat(print.out()).isEmpty();
      assertThat(print.err())
          .contains("receivers.otlp.protocols.grpc.endpont (line 5)")
          .contains("did you mean 'endpoint'")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void aYamlSyntaxErrorNamesItsLine() throws Exception {
    Path config = dir.resolve("broken.yaml");
    Files.writeString(config, "receivers:\n  otlp:\n    protocols: [grpc\nexporters:\n");
    try (OtelgwProcess validate = OtelgwProcess.run("validate", "--config", config.toString());
        OtelgwProcess print = OtelgwProcess.run("print-config", "--config", config.toString())) {
      assertThat(validate.exitCode()).isEqualTo(1);
      assertThat(validate.err())
          .containsPattern("broken\\.yaml \\(line [45]\\)")
          .doesNotContain("\tat ");
      assertThat(print.exitCode()).isEqualTo(1);
      assertThat(print.out()).isEmpty();
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
      assertThat(validate.err())
          .as("each error names its line")
          .contains("receivers.otlp.protocols.grpc.endpont (line 5)")
          .contains("exporters.otlp/backend.retry_on_failure.multiplier (line 10)");
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
          otlphttp/basic:
            endpoint: https://otelgw:url-s3cr3t@backend.example:4318
        service:
          pipelines:
            logs:
              receivers: [otlp]
              exporters: [otlphttp, otlphttp/basic]
        """);
    try (OtelgwProcess print = OtelgwProcess.run("print-config", "--config", config.toString())) {
      assertThat(print.exitCode()).isZero();
      assertThat(print.out())
          .contains("https://backend.example")
          .contains("[REDACTED]")
          .contains("endpoint: https://otelgw:***@backend.example:4318")
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

  @Test
  void httpPortInUseIsAClearMessageNotAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("taken-http.yaml");
      Files.writeString(
          config,
          """
          receivers:
            otlp:
              protocols:
                http:
                  endpoint: 127.0.0.1:%d
          exporters:
            debug:
          service:
            pipelines:
              logs:
                receivers: [otlp]
                exporters: [debug]
            telemetry:
              metrics:
                address: 127.0.0.1:%d
          """
              .formatted(taken.getLocalPort(), FreePorts.next()));
      try (OtelgwProcess run = OtelgwProcess.run("--config", config.toString())) {
        assertThat(run.exitCode()).isEqualTo(1);
        String output = run.out() + run.err();
        assertThat(output)
            .contains("otelgw could not start")
            .contains("127.0.0.1:" + taken.getLocalPort())
            .containsIgnoringCase("in use")
            .doesNotContain("\tat ")
            .doesNotContain("Exception");
      }
    }
  }

  /** The lines of {@code out} from {@code name:} up to the next section heading. */
  private static String section(String out, String name) {
    int start = out.indexOf(name + ":\n");
    assertThat(start).as("section %s in %s", name, out).isNotNegative();
    int end = start + name.length() + 2;
    while (end < out.length() && out.startsWith("  ", end)) {
      end = out.indexOf('\n', end) + 1;
      if (end == 0) {
        end = out.length();
      }
    }
    return out.substring(start, end);
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
