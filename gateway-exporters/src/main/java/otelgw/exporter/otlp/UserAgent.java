package otelgw.exporter.otlp;

/** The {@code User-Agent} both OTLP exporters send, so backends can tell otelgw's traffic. */
final class UserAgent {

  /** {@code otelgw/<version>}, the version from the jar manifest or {@code dev} outside a jar. */
  static final String VALUE = "otelgw/" + version();

  private UserAgent() {}

  private static String version() {
    String version = UserAgent.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }
}
