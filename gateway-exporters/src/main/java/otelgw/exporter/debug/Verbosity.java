package otelgw.exporter.debug;

/** How much the debug exporter prints, as the Collector's {@code verbosity}. */
public enum Verbosity {
  /** One line per batch: the signal and how many items and resources it holds. */
  BASIC,
  /** The batch line, then a line per resource and per item with its main fields. */
  NORMAL,
  /** Every field of every item: resources, scopes, attributes, events, links, points, bodies. */
  DETAILED
}
