package otelgw.receiver.otlp;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.config.TlsServerSettings;
import otelgw.core.telemetry.ThrottledLog;

/**
 * One protocol's TLS material: the key manager its context is built from, the trust manager for
 * client certificates when there is a {@code client_ca_file}, and a daemon thread that checks the
 * files every {@code reload_interval} and swaps in a rotated pair or CA bundle. A failed reload
 * keeps what is in use and is logged. {@link #close()} stops the checks; idempotent.
 */
final class ServerTls implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(ServerTls.class);

  private final TlsServerSettings settings;
  private final ReloadingKeyManager keys;
  private final ReloadingTrustManager trust; // null without client_ca_file
  private final ScheduledExecutorService reloader; // null when reload_interval is 0

  private ServerTls(
      TlsServerSettings settings,
      ReloadingKeyManager keys,
      ReloadingTrustManager trust,
      ScheduledExecutorService reloader) {
    this.settings = settings;
    this.keys = keys;
    this.trust = trust;
    this.reloader = reloader;
  }

  /**
   * Reads the files and starts checking them.
   *
   * @throws IOException naming the receiver, endpoint and file, if they cannot be used
   */
  static ServerTls start(ComponentId id, String endpoint, String protocol, TlsServerSettings tls)
      throws IOException {
    ReloadingKeyManager keys;
    ReloadingTrustManager trust = null;
    try {
      keys = new ReloadingKeyManager(Path.of(tls.certFile()), Path.of(tls.keyFile()));
      if (tls.clientCaFile().isPresent()) {
        trust = new ReloadingTrustManager(Path.of(tls.clientCaFile().get()));
      }
    } catch (IOException | RuntimeException e) {
      throw TlsVersions.failure(id, endpoint, protocol, e);
    }
    Duration every = tls.reloadInterval();
    if (every.isZero()) {
      return new ServerTls(tls, keys, trust, null);
    }
    ScheduledExecutorService reloader =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "otelgw-tls-reload-" + id);
              thread.setDaemon(true);
              return thread;
            });
    String what = id + " receiver, " + protocol + " on " + endpoint;
    ThrottledLog failures = new ThrottledLog(logger, Duration.ofMinutes(5));
    ReloadingTrustManager clientCas = trust;
    reloader.scheduleWithFixedDelay(
        () -> {
          reload(keys, what, failures);
          if (clientCas != null) {
            reload(clientCas, what, failures);
          }
        },
        every.toNanos(),
        every.toNanos(),
        TimeUnit.NANOSECONDS);
    return new ServerTls(tls, keys, trust, reloader);
  }

  private static void reload(ReloadingKeyManager keys, String what, ThrottledLog failures) {
    try {
      X509Certificate loaded = keys.reloadIfChanged();
      if (loaded != null) {
        logger.info(
            "{}: serving the rotated certificate {}, valid until {}",
            what,
            loaded.getSubjectX500Principal().getName(),
            loaded.getNotAfter().toInstant());
      }
    } catch (IOException | RuntimeException e) {
      failures.warn(what + ": keeping the certificate in use, cannot reload: " + e.getMessage());
    }
  }

  private static void reload(ReloadingTrustManager trust, String what, ThrottledLog failures) {
    try {
      List<X509Certificate> loaded = trust.reloadIfChanged();
      if (loaded != null) {
        logger.info(
            "{}: trusting the rotated client_ca_file, {} CA certificate(s): {}",
            what,
            loaded.size(),
            loaded.stream().map(ca -> ca.getSubjectX500Principal().getName()).toList());
      }
    } catch (IOException | RuntimeException e) {
      failures.warn(what + ": keeping the client CAs in use, cannot reload: " + e.getMessage());
    }
  }

  TlsServerSettings settings() {
    return settings;
  }

  ReloadingKeyManager keyManager() {
    return keys;
  }

  /** The trust manager for client certificates, empty without {@code client_ca_file}. */
  Optional<ReloadingTrustManager> trustManager() {
    return Optional.ofNullable(trust);
  }

  @Override
  public void close() {
    if (reloader != null) {
      reloader.shutdownNow();
    }
  }
}
