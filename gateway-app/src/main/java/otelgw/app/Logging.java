package otelgw.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import otelgw.config.TelemetrySettings;
import org.slf4j.LoggerFactory;

/** Applies {@code service.telemetry.logs} (and {@code --log-level}) to the logging backend. */
final class Logging {

  private Logging() {}

  static void configure(TelemetrySettings telemetry, String levelOverride) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another backend (tests): leave it as configured
    }
    String level = levelOverride != null ? levelOverride : telemetry.logLevel();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    if (telemetry.logEncoding() == TelemetrySettings.LogEncoding.JSON
        && root.getAppender("STDERR") instanceof ConsoleAppender<ILoggingEvent> console) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      encoder.start();
      console.stop();
      console.setEncoder(encoder);
      console.start();
    }
  }
}
