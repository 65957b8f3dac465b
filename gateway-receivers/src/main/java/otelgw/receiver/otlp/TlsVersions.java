package otelgw.receiver.otlp;

import java.io.IOException;
import otelgw.config.ComponentId;
import otelgw.config.TlsServerSettings;

/** What both servers' TLS set-up shares: protocol names and the start-up error. */
final class TlsVersions {

  private TlsVersions() {}

  /** The JSSE protocol names allowed by {@code min_version}. */
  static String[] protocols(TlsServerSettings tls) {
    return "1.3".equals(tls.minVersion())
        ? new String[] {"TLSv1.3"}
        : new String[] {"TLSv1.3", "TLSv1.2"};
  }

  static IOException failure(ComponentId id, String endpoint, String protocol, Exception cause) {
    return new IOException(
        id
            + " receiver: cannot set up TLS on "
            + endpoint
            + " for "
            + protocol
            + " (check cert_file, key_file and client_ca_file): "
            + cause.getMessage(),
        cause);
  }
}
