package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.TelemetrySettings;
import otelgw.config.TelemetrySettings.LogEncoding;

/** {@code --log-level} and {@code service.telemetry.logs.level} decide what reaches the log. */
class LoggingTest {

  private static final Logger logger = LoggerFactory.getLogger("otelgw.app.LoggingTest.probe");

  private final ch.qos.logback.classic.Logger root =
      ((LoggerContext) LoggerFactory.getILoggerFactory())
          .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level before;

  @BeforeEach
  void rememberTheLevel() {
    before = root.getLevel();
  }

  @AfterEach
  void restoreTheLevel() {
    root.setLevel(before); // the root logger is this JVM's: other tests log through it too
  }

  private static TelemetrySettings logsAt(String level) {
    return new TelemetrySettings(Optional.empty(), List.of(), level, LogEncoding.CONSOLE);
  }

  /** The lines each level writes, logged after configuring. */
  private static List<String> logEveryLevel() {
    try (CapturedLogs logs = new CapturedLogs()) {
      logger.trace("t");
      logger.debug("d");
      logger.info("i");
      logger.warn("w");
      logger.error("e");
      return logs.lines().stream().filter(l -> l.contains("LoggingTest.probe")).toList();
    }
  }

  @Test
  void theConfigSetsTheLevel() {
    Logging.configure(logsAt("warn"), null);

    assertThat(logEveryLevel())
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly("WARN", "ERROR");
  }

  @Test
  void theOptionWinsOverTheConfig() {
    Logging.configure(logsAt("error"), "debug");

    assertThat(logEveryLevel())
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly("DEBUG", "INFO", "WARN", "ERROR");
  }

  @Test
  void theOptionCanQuietenTheDefault() {
    Logging.configure(TelemetrySettings.defaults(), "error");

    assertThat(logEveryLevel())
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly("ERROR");
  }
}
