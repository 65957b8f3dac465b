package otelgw.core.extension.bearertokenauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;

class BearerTokenAuthConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  @Test
  void aTokenWithTheDefaults() {
    BearerTokenAuthConfig config = parse("token: s3cr3t-T0ken\n");

    assertThat(problems.all()).isEmpty();
    assertThat(config)
        .isEqualTo(
            new BearerTokenAuthConfig(
                Optional.of("s3cr3t-T0ken"), Optional.empty(), "Bearer", "authorization"));
  }

  @Test
  void aFileAnotherSchemeAndHeader() {
    BearerTokenAuthConfig config =
        parse("filename: /run/secrets/token\nscheme: Token\nheader: X-Api-Key\n");

    assertThat(problems.all()).isEmpty();
    assertThat(config.filename()).contains(Path.of("/run/secrets/token"));
    assertThat(config.scheme()).isEqualTo("Token");
    assertThat(config.header()).isEqualTo("x-api-key");
  }

  @Test
  void needsExactlyOneOfTokenAndFilename() {
    parse("scheme: Bearer\n");
    parse("token: abc\nfilename: /t\n");

    assertThat(errors())
        .containsExactly(
            "extensions.bearertokenauth.token: set 'token' (such as ${env:TOKEN}) or 'filename'",
            "extensions.bearertokenauth.filename: set 'token' or 'filename', not both");
  }

  @Test
  void refusesATokenAHeaderCannotCarryWithoutQuotingIt() {
    parse("token: \"two words\"\nheader: \"not a header\"\nscheme: \"Bear er\"\n");

    assertThat(errors())
        .containsExactly(
            "extensions.bearertokenauth.token: must be printable ASCII without spaces",
            "extensions.bearertokenauth.scheme: must be a single word, such as Bearer, or empty",
            "extensions.bearertokenauth.header: must be a header name, such as authorization");
    assertThat(errors()).noneMatch(e -> e.contains("two words"));
  }

  @Test
  void neverShowsTheToken() {
    BearerTokenAuthConfig config = parse("token: s3cr3t-T0ken\n");

    assertThat(config.toString()).doesNotContain("s3cr3t").contains("token=Optional[***]");
    assertThat(new BearerTokenAuthFactory().summary(config))
        .isEqualTo("authorization: Bearer token set inline");
  }

  private BearerTokenAuthConfig parse(String yaml) {
    return new BearerTokenAuthFactory()
        .parseConfig(ConfigNode.parse(yaml, "extensions.bearertokenauth", problems));
  }

  private List<String> errors() {
    return problems.all().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(p -> p.path() + ": " + p.message())
        .toList();
  }
}
