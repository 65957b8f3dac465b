package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code auth} block and the TLS server's {@code reload_interval}. */
class SecuritySettingsTest {

  private final ConfigProblems problems = new ConfigProblems();

  @Test
  void authNamesItsAuthenticatorAndWhereItDoes() {
    Optional<AuthSettings> auth =
        AuthSettings.parse(
            ConfigNode.parse(
                "\nauthenticator: bearertokenauth/backend\n", "exporters.otlp.auth", problems));

    assertThat(problems.all()).isEmpty();
    assertThat(auth.get().authenticator())
        .isEqualTo(
            new ExtensionRef(
                ComponentId.parse("bearertokenauth/backend"),
                "exporters.otlp.auth.authenticator",
                2));
  }

  @Test
  void authWithoutAValidAuthenticatorIsAnError() {
    assertThat(AuthSettings.parse(ConfigNode.parse("{}", "a", problems))).isEmpty();
    assertThat(AuthSettings.parse(ConfigNode.parse("authenticator: 'x/'", "b", problems)))
        .isEmpty();
    assertThat(AuthSettings.parse(ConfigNode.parse("authenticatr: x", "c", problems))).isEmpty();

    assertThat(errors())
        .containsExactly(
            "a.authenticator: 'authenticator' is required: the id of an authenticator extension,"
                + " such as bearertokenauth",
            "b.authenticator: invalid component id 'x/': expected a name after '/'",
            "c.authenticatr: unknown key 'authenticatr' (did you mean 'authenticator'?)",
            "c.authenticator: 'authenticator' is required: the id of an authenticator extension,"
                + " such as bearertokenauth");
  }

  @Test
  void tlsServerReloadsEveryMinuteUnlessTold() {
    String files = "cert_file: /c\nkey_file: /k\n";

    assertThat(TlsServerSettings.parse(ConfigNode.parse(files, "t", problems)).reloadInterval())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(
            TlsServerSettings.parse(ConfigNode.parse(files + "reload_interval: 0s", "t", problems))
                .reloadInterval())
        .isZero();
    TlsServerSettings.parse(ConfigNode.parse(files + "reload_interval: -1s", "t", problems));
    assertThat(errors())
        .containsExactly(
            "t.reload_interval: '-1s' is not a duration: use a number and a unit, such as 200ms,"
                + " 5s or 1m30s");
  }

  private List<String> errors() {
    return problems.all().stream().map(p -> p.path() + ": " + p.message()).toList();
  }
}
