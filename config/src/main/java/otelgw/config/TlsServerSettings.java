package otelgw.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A receiver protocol's {@code tls} block, as the Collector's {@code configtls.ServerConfig}.
 *
 * @param certFile PEM server certificate chain
 * @param keyFile PEM private key of {@code certFile}
 * @param clientCaFile PEM CAs that client certificates must chain to; present means mTLS
 * @param minVersion the lowest TLS version accepted, {@code 1.2} by default
 * @param reloadInterval how often {@code cert_file} and {@code key_file} are checked for a change
 *     and, when changed, read again for new connections; default {@link #DEFAULT_RELOAD_INTERVAL},
 *     zero never (the Collector's default)
 */
public record TlsServerSettings(
    String certFile,
    String keyFile,
    Optional<String> clientCaFile,
    String minVersion,
    Duration reloadInterval) {

  public static final String DEFAULT_MIN_VERSION = "1.2";

  /**
   * One minute: a rotated certificate (cert-manager, a renewed secret) is in use within a minute,
   * for the cost of two file-time reads a minute.
   */
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofMinutes(1);

  /** Settings with the default {@link #reloadInterval}. */
  public TlsServerSettings(
      String certFile, String keyFile, Optional<String> clientCaFile, String minVersion) {
    this(certFile, keyFile, clientCaFile, minVersion, DEFAULT_RELOAD_INTERVAL);
  }

  public static TlsServerSettings parse(ConfigNode node) {
    String cert = node.string("cert_file", "");
    String key = node.string("key_file", "");
    Optional<String> clientCa = node.optionalString("client_ca_file");
    String minVersion = node.string("min_version", DEFAULT_MIN_VERSION);
    Duration reload = node.duration("reload_interval", DEFAULT_RELOAD_INTERVAL);
    node.check(!cert.isEmpty(), "cert_file", "a TLS server needs 'cert_file'");
    node.check(!key.isEmpty(), "key_file", "a TLS server needs 'key_file'");
    node.check(Set.of("1.2", "1.3").contains(minVersion), "min_version", "must be 1.2 or 1.3");
    node.finish(
        Set.of("cert_file", "key_file", "client_ca_file", "min_version", "reload_interval"));
    // Durations are never negative; zero turns reloading off.
    return new TlsServerSettings(cert, key, clientCa, minVersion, reload);
  }
}
