package otelgw.exporter.otlp;

import java.util.Optional;
import otelgw.config.AuthSettings;
import otelgw.core.component.ClientAuthenticator;
import otelgw.core.component.ExporterSettings;

/** Finds the authenticator an exporter's {@code auth} block names among the running extensions. */
final class ClientCredentials {

  private ClientCredentials() {}

  /**
   * The authenticator, or null without an {@code auth} block.
   *
   * @throws IllegalArgumentException if the extension is not running or cannot give credentials
   */
  static ClientAuthenticator of(ExporterSettings settings, Optional<AuthSettings> auth) {
    return auth.map(
            a ->
                settings
                    .extensions()
                    .get(
                        a.authenticator().id(),
                        ClientAuthenticator.class,
                        "exporter " + settings.id()))
        .orElse(null);
  }
}
