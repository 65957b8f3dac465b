package otelgw.config;

import java.util.Optional;
import java.util.Set;

/**
 * An exporter's {@code tls} block, as the Collector's {@code configtls.ClientConfig}.
 *
 * @param insecure plaintext, no TLS at all (for a {@code host:port} gRPC endpoint)
 * @param caFile PEM file of the CAs to trust instead of the system's
 * @param certFile PEM client certificate, for mTLS
 * @param keyFile PEM private key of {@code certFile}
 * @param insecureSkipVerify TLS without checking the server's certificate
 * @param serverNameOverride the name to expect in the server's certificate
 * @param minVersion the lowest TLS version to negotiate, {@code 1.2} by default
 */
public record TlsClientSettings(
    boolean insecure,
    Optional<String> caFile,
    Optional<String> certFile,
    Optional<String> keyFile,
    boolean insecureSkipVerify,
    Optional<String> serverNameOverride,
    String minVersion) {

  public static final String DEFAULT_MIN_VERSION = "1.2";

  public static TlsClientSettings defaults() {
    return new TlsClientSettings(
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        DEFAULT_MIN_VERSION);
  }

  public static TlsClientSettings parse(ConfigNode node) {
    TlsClientSettings settings =
        new TlsClientSettings(
            node.bool("insecure", false),
            node.optionalString("ca_file"),
            node.optionalString("cert_file"),
            node.optionalString("key_file"),
            node.bool("insecure_skip_verify", false),
            node.optionalString("server_name_override"),
            node.string("min_version", DEFAULT_MIN_VERSION));
    node.check(
        Set.of("1.2", "1.3").contains(settings.minVersion), "min_version", "must be 1.2 or 1.3");
    node.check(
        settings.certFile.isPresent() == settings.keyFile.isPresent(),
        settings.certFile.isPresent() ? "key_file" : "cert_file",
        "'cert_file' and 'key_file' go together");
    node.finish(
        Set.of(
            "insecure",
            "ca_file",
            "cert_file",
            "key_file",
            "insecure_skip_verify",
            "server_name_override",
            "min_version"));
    return settings;
  }
}
