package otelgw.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import otelgw.config.TelemetrySettings;

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
      // One object per line with the message as a person reads it; logback's defaults write the
      // "{}" pattern and its arguments apart, plus a sequence number and the context, per line.
      encoder.setWithFormattedMessage(true);
      encoder.setWithMessage(false);
      encoder.setWithArguments(false);
      encoder.setWithSequenceNumber(false);
      encoder.setWithNanoseconds(false);
      encoder.setWithContext(false);
      encoder.start();
      console.stop();
      console.setEncoder(encoder);
      console.start();
    }
  }
}
