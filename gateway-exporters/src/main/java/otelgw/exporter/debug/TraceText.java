package otelgw.exporter.debug;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** Spans as the debug exporter writes them. */
final class TraceText implements SignalText<ExportTraceServiceRequest> {

  @Override
  public String summary(ExportTraceServiceRequest request) {
    long spans = 0;
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        spans += scope.getSpansCount();
      }
    }
    return "traces: "
        + ValueText.count(spans, "span", "spans")
        + ", "
        + ValueText.count(request.getResourceSpansCount(), "resource", "resources");
  }

  @Override
  public void normal(ExportTraceServiceRequest request, Lines out) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      Envelope.resource(out, 0, resource.getResource(), resource.getSchemaUrl(), false);
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          out.add(
              2,
              "span \""
                  + span.getName()
                  + "\" trace_id="
                  + ValueText.hex(span.getTraceId())
                  + " span_id="
                  + ValueText.hex(span.getSpanId())
                  + " "
                  + ValueText.duration(span.getEndTimeUnixNano() - span.getStartTimeUnixNano())
                  + (span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR
                      ? " ERROR"
                      : ""));
        }
      }
    }
  }

  @Override
  public void detailed(ExportTraceServiceRequest request, Lines out) {
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans resource = request.getResourceSpans(r);
      Envelope.resource(out, r, resource.getResource(), resource.getSchemaUrl(), true);
      for (int s = 0; s < resource.getScopeSpansCount(); s++) {
        ScopeSpans scope = resource.getScopeSpans(s);
        Envelope.scope(out, s, scope.getScope(), scope.getSchemaUrl());
        for (int i = 0; i < scope.getSpansCount(); i++) {
          span(out, i, scope.getSpans(i));
        }
      }
    }
  }

  private static void span(Lines out, int index, Span span) {
    out.add(2, "span #" + index + " \"" + span.getName() + "\"");
    out.add(3, "trace_id: " + ValueText.hex(span.getTraceId()));
    out.add(3, "span_id: " + ValueText.hex(span.getSpanId()));
    if (!span.getParentSpanId().isEmpty()) {
      out.add(3, "parent_span_id: " + ValueText.hex(span.getParentSpanId()));
    }
    if (!span.getTraceState().isEmpty()) {
      out.add(3, "trace_state: " + span.getTraceState());
    }
    if (span.getFlags() != 0) {
      out.add(3, "flags: 0x" + Integer.toHexString(span.getFlags()));
    }
    out.add(3, "kind: " + kind(span.getKind()));
    out.add(3, "start: " + ValueText.time(span.getStartTimeUnixNano()));
    out.add(3, "end: " + ValueText.time(span.getEndTimeUnixNano()));
    out.add(
        3,
        "duration: " + ValueText.duration(span.getEndTimeUnixNano() - span.getStartTimeUnixNano()));
    out.add(3, "status: " + status(span.getStatus()));
    out.add(
        3,
        "attributes: "
            + ValueText.attributes(span.getAttributesList())
            + Envelope.dropped(span.getDroppedAttributesCount()));
    for (Span.Event event : span.getEventsList()) {
      out.add(
          3,
          "event \""
              + event.getName()
              + "\" at "
              + ValueText.time(event.getTimeUnixNano())
              + " "
              + ValueText.attributes(event.getAttributesList())
              + Envelope.dropped(event.getDroppedAttributesCount()));
    }
    if (span.getDroppedEventsCount() > 0) {
      out.add(3, ValueText.count(span.getDroppedEventsCount(), "event", "events") + " dropped");
    }
    for (Span.Link link : span.getLinksList()) {
      out.add(
          3,
          "link trace_id="
              + ValueText.hex(link.getTraceId())
              + " span_id="
              + ValueText.hex(link.getSpanId())
              + (link.getTraceState().isEmpty() ? "" : " trace_state=" + link.getTraceState())
              + " "
              + ValueText.attributes(link.getAttributesList())
              + Envelope.dropped(link.getDroppedAttributesCount()));
    }
    if (span.getDroppedLinksCount() > 0) {
      out.add(3, ValueText.count(span.getDroppedLinksCount(), "link", "links") + " dropped");
    }
  }

  private static String kind(Span.SpanKind kind) {
    return kind == Span.SpanKind.UNRECOGNIZED
        ? "UNRECOGNIZED"
        : kind.name().replace("SPAN_KIND_", "");
  }

  private static String status(Status status) {
    String code =
        status.getCode() == Status.StatusCode.UNRECOGNIZED
            ? "UNRECOGNIZED"
            : status.getCode().name().replace("STATUS_CODE_", "");
    return status.getMessage().isEmpty() ? code : code + " \"" + status.getMessage() + "\"";
  }
}
