package otelgw.core.component;

/** How settled a component is, as the Collector labels its components. */
public enum Stability {
  DEVELOPMENT,
  ALPHA,
  BETA,
  STABLE;

  @Override
  public String toString() {
    return name().toLowerCase();
  }
}
