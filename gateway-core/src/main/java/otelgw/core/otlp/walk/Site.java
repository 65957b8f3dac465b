package otelgw.core.otlp.walk;

/** Where in a request a list of attributes stands, as a {@link RequestVisitor} is told. */
public enum Site {
  /** A resource's attributes, in every signal. */
  RESOURCE,
  /** An instrumentation scope's attributes, in every signal. */
  SCOPE,
  SPAN,
  SPAN_EVENT,
  SPAN_LINK,
  LOG_RECORD,
  /** A metric's {@code metadata}. */
  METRIC_METADATA,
  /** The attributes of a data point of any metric type. */
  DATA_POINT,
  /** An exemplar's {@code filtered_attributes}. */
  EXEMPLAR
}
