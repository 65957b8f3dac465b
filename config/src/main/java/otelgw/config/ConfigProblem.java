package otelgw.config;

/**
 * One thing wrong (or doubtful) in a config, with the YAML path it concerns and, where known, the
 * line of the file it came from.
 *
 * @param path dotted YAML path, such as {@code exporters.otlp/backend.retry_on_failure.multiplier}
 * @param line 1-based line in the source file, or 0 when unknown
 */
public record ConfigProblem(Severity severity, String path, int line, String message) {

  /** Errors stop start-up; warnings are logged. */
  public enum Severity {
    ERROR,
    WARNING
  }

  @Override
  public String toString() {
    String where = line > 0 ? path + " (line " + line + ")" : path;
    return (severity == Severity.WARNING ? "warning: " : "") + where + ": " + message;
  }
}
