package otelgw.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that reads a config shares. */
final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A config file; repeat to merge several in order (maps merged, lists replaced).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one value, such as service.telemetry.metrics.address=127.0.0.1:9999.")
  List<String> overrides = new ArrayList<>();

  ConfigSource source() {
    return new ConfigSource(files, overrides, System.getenv());
  }
}
