package otelgw.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every log line written while open, message and exception text, from any thread. */
final class CapturedLogs implements AutoCloseable {

  private final Logger root;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** The lines so far, each {@code LEVEL logger: message} with its exception's messages. */
  List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(CapturedLogs::line).collect(Collectors.toList());
    }
  }

  private static String line(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder()
            .append(event.getLevel())
            .append(' ')
            .append(event.getLoggerName())
            .append(": ")
            .append(event.getFormattedMessage());
    for (IThrowableProxy error = event.getThrowableProxy();
        error != null;
        error = error.getCause()) {
      line.append(" | ").append(error.getClassName()).append(": ").append(error.getMessage());
    }
    return line.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
