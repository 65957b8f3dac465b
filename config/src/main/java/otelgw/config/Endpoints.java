package otelgw.config;

import java.net.InetSocketAddress;

/** {@code host:port} endpoints as the Collector writes them. */
public final class Endpoints {

  private Endpoints() {}

  /**
   * Parses {@code host:port}, {@code :port} (all interfaces) or {@code [::1]:port} into an
   * unresolved address.
   *
   * @throws IllegalArgumentException naming the accepted form
   */
  public static InetSocketAddress parse(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "'" + endpoint + "' is not an endpoint: use host:port, such as 127.0.0.1:4317");
    }
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + endpoint + "' is not an endpoint: the port must be a number from 0 to 65535");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "'" + endpoint + "' is not an endpoint: the port must be a number from 0 to 65535");
    }
    return InetSocketAddress.createUnresolved(host.isEmpty() ? "0.0.0.0" : host, port);
  }

  /** Records an error on {@code key} if {@code endpoint} does not parse. */
  public static void check(ConfigNode node, String key, String endpoint) {
    try {
      parse(endpoint);
    } catch (IllegalArgumentException e) {
      node.error(key, e.getMessage());
    }
  }
}
