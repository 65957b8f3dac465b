package otelgw.testing;

/** The three OTLP signals the backend accepts, each with its OTLP/HTTP path. */
public enum OtlpSignal {
  TRACES("/v1/traces"),
  METRICS("/v1/metrics"),
  LOGS("/v1/logs");

  private final String httpPath;

  OtlpSignal(String httpPath) {
    this.httpPath = httpPath;
  }

  /** The OTLP/HTTP request path, e.g. {@code /v1/traces}. */
  public String httpPath() {
    return httpPath;
  }
}
