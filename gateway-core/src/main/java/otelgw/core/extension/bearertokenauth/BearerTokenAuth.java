package otelgw.core.extension.bearertokenauth;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.core.component.ClientAuthenticator;
import otelgw.core.component.Component;
import otelgw.core.component.ServerAuthenticator;
import otelgw.core.telemetry.ThrottledLog;

/**
 * The {@code bearertokenauth} extension: one token, checked on the requests of the receivers that
 * name it and sent by the exporters that name it. A token from a file is read at start (a missing
 * or empty file fails start-up) and again when the file changes; if a changed file cannot be read,
 * the previous token stays in use and a warning is logged.
 *
 * <p>Thread-safe: {@link #authenticate} and {@link #headers} read one volatile field.
 */
final class BearerTokenAuth implements Component, ServerAuthenticator, ClientAuthenticator {

  private static final Logger logger = LoggerFactory.getLogger(BearerTokenAuth.class);

  private final ComponentId id;
  private final String scheme;
  private final String header;
  private final TokenFile file; // null for an inline token
  private final Duration checkInterval;
  private final ThrottledLog unreadable;
  private volatile Credential credential; // null until the file is read: nothing authenticates
  private ScheduledExecutorService watcher;
  private boolean stopped;

  BearerTokenAuth(ComponentId id, BearerTokenAuthConfig config, Duration checkInterval) {
    this.id = id;
    this.scheme = config.scheme();
    this.header = config.header();
    this.file = config.filename().map(TokenFile::new).orElse(null);
    this.checkInterval = checkInterval;
    this.unreadable = new ThrottledLog(logger, Duration.ofMinutes(1));
    this.credential = config.token().map(token -> Credential.of(token, scheme)).orElse(null);
  }

  @Override
  public synchronized void start() throws IOException {
    if (file == null || watcher != null || stopped) {
      return;
    }
    try {
      credential = Credential.of(file.read(), scheme);
    } catch (IOException e) {
      throw new IOException(id + " extension: cannot read the token file: " + e.getMessage(), e);
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "otelgw-" + id + "-token-file");
              thread.setDaemon(true);
              return thread;
            });
    long every = checkInterval.toNanos();
    watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.NANOSECONDS);
  }

  private void reloadIfChanged() {
    try {
      file.readIfChanged()
          .ifPresent(
              token -> {
                credential = Credential.of(token, scheme);
                logger.info("{}: {} changed; using its new token", id, file.path());
              });
    } catch (IOException | RuntimeException e) {
      unreadable.warn(
          id + ": keeping the previous token, the token file changed but: " + e.getMessage());
    }
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    stopped = true;
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }

  @Override
  public String header() {
    return header;
  }

  @Override
  public String challenge() {
    return scheme;
  }

  @Override
  public boolean authenticate(CharSequence value) {
    Credential expected = credential;
    if (expected == null || value == null) {
      return false;
    }
    CharSequence token = tokenOf(value);
    return token != null && expected.matches(token);
  }

  /** The token part of a header value, or null if it does not start with the scheme. */
  private CharSequence tokenOf(CharSequence value) {
    String text = value.toString().trim();
    if (scheme.isEmpty()) {
      return text;
    }
    // The scheme is case-insensitive (RFC 9110); it is not secret, so it may fail fast.
    int length = scheme.length();
    if (text.length() <= length
        || text.charAt(length) != ' '
        || !text.regionMatches(true, 0, scheme, 0, length)) {
      return null;
    }
    return text.substring(length + 1).trim();
  }

  @Override
  public Map<String, String> headers() {
    Credential current = credential;
    return current == null ? Map.of() : Map.of(header, current.headerValue());
  }

  @Override
  public String toString() {
    return id + " (bearertokenauth)";
  }
}
