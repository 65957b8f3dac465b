package otelgw.config;

/** The four kinds of component, each a top-level section of the config. */
public enum ComponentKind {
  RECEIVER("receivers"),
  PROCESSOR("processors"),
  EXPORTER("exporters"),
  EXTENSION("extensions");

  private final String section;

  ComponentKind(String section) {
    this.section = section;
  }

  /** The top-level YAML key holding components of this kind. */
  public String section() {
    return section;
  }

  /** The singular word, for messages: "receiver". */
  public String word() {
    return name().toLowerCase();
  }
}
