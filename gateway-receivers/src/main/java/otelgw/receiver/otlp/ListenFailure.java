package otelgw.receiver.otlp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import otelgw.config.ComponentId;

/** The start-up error of a listener that cannot bind, worded for the person who configured it. */
final class ListenFailure {

  // Netty's native transports say "bind(..) failed with error(-98): Address already in use".
  private static final Pattern NATIVE_PREFIX =
      Pattern.compile("^\\w+\\(\\.\\.\\) failed with error\\(-?\\d+\\): ");

  private ListenFailure() {}

  /**
   * For example {@code otlp receiver: cannot listen on 127.0.0.1:4317 for OTLP/gRPC: address
   * already in use}.
   */
  static IOException of(ComponentId id, String endpoint, String protocol, Throwable cause) {
    return new IOException(
        id + " receiver: cannot listen on " + endpoint + " for " + protocol + ": " + reason(cause),
        cause);
  }

  /** Resolves the configured host, which {@code Endpoints} leaves unresolved. */
  static InetSocketAddress resolve(
      ComponentId id, String endpoint, String protocol, InetSocketAddress unresolved)
      throws IOException {
    InetSocketAddress resolved =
        new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
    if (resolved.isUnresolved()) {
      throw of(
          id,
          endpoint,
          protocol,
          new UnknownHostException("unknown host '" + unresolved.getHostString() + "'"));
    }
    return resolved;
  }

  // The innermost cause says what the OS said ("Address already in use"); lower-case it to read
  // as the end of our sentence.
  private static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    text = NATIVE_PREFIX.matcher(text).replaceFirst("");
    if (text.length() > 1
        && Character.isUpperCase(text.charAt(0))
        && !Character.isUpperCase(text.charAt(1))) {
      text = text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
    return text;
  }
}
