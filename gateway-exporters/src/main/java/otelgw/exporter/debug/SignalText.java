package otelgw.exporter.debug;

import com.google.protobuf.Message;

/**
 * How the debug exporter writes one signal's export request at each {@link Verbosity}. The only
 * signal-specific part of the debug exporter; values are written by {@link ValueText}.
 *
 * @param <M> the OTLP export request
 */
interface SignalText<M extends Message> {

  /** The one line of {@link Verbosity#BASIC}, such as {@code traces: 3 spans, 2 resources}. */
  String summary(M request);

  /** The lines {@link Verbosity#NORMAL} adds: each resource, then a line per item. */
  void normal(M request, Lines out);

  /** The lines {@link Verbosity#DETAILED} adds: everything, field by field. */
  void detailed(M request, Lines out);
}
