package otelgw.core.otlp.walk;

/** A free-text string field of a request, as a {@link RequestVisitor} is told. */
public enum TextField {
  SPAN_NAME,
  SPAN_STATUS_MESSAGE,
  SPAN_EVENT_NAME,
  LOG_EVENT_NAME
}
