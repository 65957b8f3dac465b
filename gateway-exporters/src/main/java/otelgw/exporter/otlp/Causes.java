package otelgw.exporter.otlp;

/**
 * The readable reason inside a failure: transports wrap the real one ("unable to find valid
 * certification path") in generic layers ("General OpenSslEngine problem").
 */
final class Causes {

  private Causes() {}

  /** The message of the deepest cause that has one, first line only. */
  static String rootMessage(Throwable error) {
    String message = null;
    for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? error.getClass().getSimpleName() : firstLine(message);
  }

  static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
