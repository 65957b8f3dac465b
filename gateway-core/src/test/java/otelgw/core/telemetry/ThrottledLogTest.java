package otelgw.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class ThrottledLogTest {

  /** A logger that keeps its lines. */
  static final class ListLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
      lines.add(level + " " + message);
      if (throwable != null) {
        errors.add(throwable);
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }

  @Test
  void logsTheFirstOccurrenceAndSuppressesTheRestWithinTheInterval() {
    ListLogger logger = new ListLogger();
    ThrottledLog log = new ThrottledLog(logger, Duration.ofHours(1));

    log.warn("queue full");
    log.warn("queue full");
    log.warn("queue full");

    assertThat(logger.lines).containsExactly("WARN queue full");
  }

  @Test
  void theNextReportSaysHowManyWereSuppressed() {
    ListLogger logger = new ListLogger();
    ThrottledLog log = new ThrottledLog(logger, Duration.ofMillis(20));
    log.warn("dropped");
    int[] calls = {0};

    // Keep reporting until the interval has passed and a second line is written.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              log.warn("dropped");
              calls[0]++;
              return logger.lines.size() == 2;
            });

    int suppressed = calls[0] - 1;
    assertThat(logger.lines.get(1))
        .isEqualTo(
            suppressed > 0
                ? "WARN dropped (and " + suppressed + " more like it since the last report)"
                : "WARN dropped");
  }

  @Test
  void errorsCarryTheirThrowable() {
    ListLogger logger = new ListLogger();
    ThrottledLog log = new ThrottledLog(logger, Duration.ofHours(1));
    RuntimeException boom = new RuntimeException("boom");

    log.error("stage failed", boom);
    log.error("stage failed", boom);

    assertThat(logger.lines).containsExactly("ERROR stage failed");
    assertThat(logger.errors).containsExactly(boom);
  }
}
