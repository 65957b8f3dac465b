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
 */
public record TlsClientSettings(
    boolean insecure,
    Optional<String> caFile,
    Optional<String> certFile,
    Optional<String> keyFile,
    boolean insecureSkipVerify,
    Optional<String> serverNameOverride) {

  public static TlsClientSettings defaults() {
    return new TlsClientSettings(
        false, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  public static TlsClientSettings parse(ConfigNode node) {
    TlsClientSettings settings =
        new TlsClientSettings(
            node.bool("insecure", false),
            node.optionalString("ca_file"),
            node.optionalString("cert_file"),
            node.optionalString("key_file"),
            node.bool("insecure_skip_verify", false),
            node.optionalString("server_name_override"));
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
