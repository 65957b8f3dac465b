package otelgw.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The start-up warning for a listener that other machines can reach without TLS or without
 * authentication: bound to an address that is not loopback (such as {@code 0.0.0.0}). otelgw binds
 * to 127.0.0.1 unless told otherwise; this says so when told otherwise without protection.
 */
public final class ListenerExposure {

  private ListenerExposure() {}

  /**
   * The warning for {@code listener} (such as {@code otlp receiver, OTLP/gRPC}), configured with
   * host {@code host} and bound to {@code bound}, or empty when it is loopback-only or has both TLS
   * and authentication.
   */
  public static Optional<String> warning(
      String listener, String host, InetSocketAddress bound, boolean tls, boolean authenticated) {
    InetAddress address = bound.getAddress();
    if (address == null || address.isLoopbackAddress() || tls && authenticated) {
      return Optional.empty();
    }
    String missing =
        !tls && !authenticated ? "TLS or authentication" : !tls ? "TLS" : "authentication";
    // The host as configured (0.0.0.0 binds as :: on a dual-stack system), the port as bound.
    String where = (host == null || host.isBlank() ? "*" : host) + ":" + bound.getPort();
    return Optional.of(
        listener
            + " listens on "
            + where
            + ", reachable from other machines, without "
            + missing
            + "; bind it to 127.0.0.1 unless that is intended");
  }

  /** Logs {@link #warning} at WARN, if there is one. */
  public static void warnIfExposed(
      Logger logger,
      String listener,
      String host,
      InetSocketAddress bound,
      boolean tls,
      boolean authenticated) {
    warning(listener, host, bound, tls, authenticated).ifPresent(logger::warn);
  }
}
