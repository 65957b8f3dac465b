package otelgw.exporter.otlp;

/** The body encoding of the {@code otlphttp} exporter: its {@code encoding} key. */
public enum Encoding {
  /** Binary protobuf, {@code application/x-protobuf}: the default. */
  PROTO,
  /** OTLP/JSON, {@code application/json}. */
  JSON
}
