package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import otelgw.config.ConfigLoader;
import otelgw.config.ConfigProblem;
import otelgw.core.pipeline.ResolvedConfig;

/** Every ready-to-run config in {@code examples/} is valid, with no warnings. */
class ExamplesTest {

  private static final Map<String, String> ENV =
      Map.of("BACKEND_TOKEN", "test-token", "BACKEND_ENDPOINT", "backend.example:4317");

  static Stream<Path> examples() throws Exception {
    return Files.list(Path.of("../examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void isValidWithoutWarnings(Path example) throws Exception {
    ResolvedConfig resolved =
        ResolvedConfig.resolve(
            new ConfigLoader(ENV).load(List.of(example), List.of()), Components.all());

    assertThat(resolved.config().problems().all()).extracting(ConfigProblem::toString).isEmpty();
  }

  @Test
  void defaultExampleIsTheEmbeddedDefault() throws Exception {
    assertThat(Files.readString(Path.of("../examples/default.yaml")))
        .isEqualTo(ConfigSource.embeddedDefault());
  }
}
