package otelgw.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import otelgw.config.ConfigException;
import otelgw.config.ConfigLoader;
import otelgw.config.GatewayConfig;
import otelgw.core.pipeline.ResolvedConfig;

/** Where the config comes from: the files given with {@code --config}, or the embedded default. */
final class ConfigSource {

  static final String DEFAULT_RESOURCE = "/otelgw-default.yaml";

  private final List<Path> files;
  private final List<String> overrides;
  private final Map<String, String> env;

  ConfigSource(List<Path> files, List<String> overrides, Map<String, String> env) {
    this.files = List.copyOf(files);
    this.overrides = List.copyOf(overrides);
    this.env = Map.copyOf(env);
  }

  /** Loads and merges the config; structural and component errors are left to {@link #resolve}. */
  GatewayConfig load() throws ConfigException {
    ConfigLoader loader = new ConfigLoader(env);
    if (!files.isEmpty()) {
      return loader.load(files, overrides);
    }
    return loader.loadYaml(embeddedDefault(), "the embedded default config", overrides);
  }

  /** Loads the config and checks it against this build's components. */
  ResolvedConfig resolve() throws ConfigException {
    return ResolvedConfig.resolve(load(), Components.all());
  }

  /** A description of the source for logs: the file names, or "embedded default". */
  String describe() {
    return files.isEmpty() ? "the embedded default config" : files.toString();
  }

  static String embeddedDefault() {
    try (InputStream in = ConfigSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the embedded default config is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
