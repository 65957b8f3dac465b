package otelgw.exporter.otlp;

import java.net.InetSocketAddress;
import otelgw.config.Endpoints;
import otelgw.config.TlsClientSettings;

/**
 * Where the gRPC exporter connects and whether it uses TLS, from {@code endpoint} as the Collector
 * reads it: {@code host:port} uses TLS unless {@code tls.insecure} is set; {@code http://host:port}
 * is always plaintext and {@code https://host:port} always TLS, their ports defaulting to 80 and
 * 443.
 */
record GrpcTarget(String host, int port, boolean plaintext) {

  /**
   * @throws IllegalArgumentException naming the accepted forms
   */
  static GrpcTarget of(String endpoint, TlsClientSettings tls) {
    String address = endpoint.trim();
    Boolean plaintext = null;
    int defaultPort = -1;
    if (address.startsWith("http://")) {
      address = address.substring("http://".length());
      plaintext = true;
      defaultPort = 80;
    } else if (address.startsWith("https://")) {
      address = address.substring("https://".length());
      plaintext = false;
      defaultPort = 443;
    }
    if (address.contains("@")) {
      // Not quoted: what stands before the '@' is a password as often as not.
      throw new IllegalArgumentException(
          "a gRPC endpoint cannot hold credentials (user:password@): use headers or an"
              + " authenticator");
    }
    if (address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
    if (address.contains("/")) {
      throw new IllegalArgumentException(
          "'"
              + endpoint
              + "' is not a gRPC endpoint: use host:port or http(s)://host:port, no path");
    }
    if (defaultPort > 0 && !hasPort(address)) {
      address = address + ":" + defaultPort;
    }
    if (address.startsWith(":")) {
      throw new IllegalArgumentException(
          "'" + endpoint + "' is not a gRPC endpoint: name the host, such as collector:4317");
    }
    InetSocketAddress parsed = Endpoints.parse(address);
    return new GrpcTarget(
        parsed.getHostString(), parsed.getPort(), plaintext != null ? plaintext : tls.insecure());
  }

  private static boolean hasPort(String address) {
    int colon = address.lastIndexOf(':');
    return colon >= 0 && colon > address.lastIndexOf(']');
  }
}
