package otelgw.app;

import picocli.CommandLine.IVersionProvider;

/** otelgw's version, from the jar's manifest. */
final class Version {

  private Version() {}

  static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  /** Lets picocli print {@code --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"otelgw " + current(), "Java " + Runtime.version()};
    }
  }
}
