package otelgw.core.extension.bearertokenauth;

import otelgw.config.ConfigNode;
import otelgw.core.component.Component;
import otelgw.core.component.ExtensionFactory;
import otelgw.core.component.ExtensionSettings;
import otelgw.core.component.Stability;

/**
 * Makes {@code bearertokenauth} extensions, as the Collector's contrib extension of that name: a
 * receiver protocol that names one in {@code auth: { authenticator: ... }} answers requests without
 * its token with 401 / {@code UNAUTHENTICATED}; an exporter that names one sends its token. See
 * {@link BearerTokenAuthConfig} for the keys.
 */
public final class BearerTokenAuthFactory implements ExtensionFactory<BearerTokenAuthConfig> {

  /** The component type, {@value}. */
  public static final String TYPE = "bearertokenauth";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public BearerTokenAuthConfig parseConfig(ConfigNode node) {
    return BearerTokenAuthConfig.parse(node);
  }

  @Override
  public String summary(BearerTokenAuthConfig config) {
    String scheme = config.scheme().isEmpty() ? "a bare token" : config.scheme() + " token";
    return config.header()
        + ": "
        + scheme
        + config.filename().map(file -> " read from " + file).orElse(" set inline");
  }

  @Override
  public Component createExtension(ExtensionSettings settings, BearerTokenAuthConfig config) {
    return new BearerTokenAuth(settings.id(), config, BearerTokenAuthConfig.FILE_CHECK_INTERVAL);
  }
}
