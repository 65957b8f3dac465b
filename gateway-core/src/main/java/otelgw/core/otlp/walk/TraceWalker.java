package otelgw.core.otlp.walk;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;

/** Walks trace requests: resource, scope, span, event and link attributes; names; statuses. */
final class TraceWalker implements RequestWalker<ExportTraceServiceRequest> {

  static final TraceWalker INSTANCE = new TraceWalker();

  private TraceWalker() {}

  @Override
  public ExportTraceServiceRequest walk(ExportTraceServiceRequest request, RequestVisitor visitor) {
    List<ResourceSpans> resources = request.getResourceSpansList();
    List<ResourceSpans> walked = Parts.each(resources, visitor, TraceWalker::resource);
    if (walked == resources) {
      return request;
    }
    return request.toBuilder().clearResourceSpans().addAllResourceSpans(walked).build();
  }

  private static ResourceSpans resource(ResourceSpans in, RequestVisitor visitor) {
    Resource resource = in.getResource();
    Resource walkedResource = Parts.resource(resource, visitor);
    List<ScopeSpans> scopes = in.getScopeSpansList();
    List<ScopeSpans> walkedScopes = Parts.each(scopes, visitor, TraceWalker::scope);
    if (walkedResource == resource && walkedScopes == scopes) {
      return in;
    }
    ResourceSpans.Builder out = in.toBuilder();
    if (walkedResource != resource) {
      out.setResource(walkedResource);
    }
    if (walkedScopes != scopes) {
      out.clearScopeSpans().addAllScopeSpans(walkedScopes);
    }
    return out.build();
  }

  private static ScopeSpans scope(ScopeSpans in, RequestVisitor visitor) {
    InstrumentationScope scope = in.getScope();
    InstrumentationScope walkedScope = Parts.scope(scope, visitor);
    List<Span> spans = in.getSpansList();
    List<Span> walkedSpans = Parts.each(spans, visitor, TraceWalker::span);
    if (walkedScope == scope && walkedSpans == spans) {
      return in;
    }
    ScopeSpans.Builder out = in.toBuilder();
    if (walkedScope != scope) {
      out.setScope(walkedScope);
    }
    if (walkedSpans != spans) {
      out.clearSpans().addAllSpans(walkedSpans);
    }
    return out.build();
  }

  static Span span(Span in, RequestVisitor visitor) {
    Span.Builder out = null;
    String name = in.getName();
    String walkedName = visitor.text(TextField.SPAN_NAME, name);
    if (walkedName != name) {
      out = in.toBuilder().setName(walkedName);
    }
    if (in.hasStatus()) {
      String message = in.getStatus().getMessage();
      String walkedMessage = visitor.text(TextField.SPAN_STATUS_MESSAGE, message);
      if (walkedMessage != message) {
        out = out != null ? out : in.toBuilder();
        out.setStatus(Status.newBuilder(in.getStatus()).setMessage(walkedMessage));
      }
    }
    List<Span.Event> events = in.getEventsList();
    List<Span.Event> walkedEvents = Parts.each(events, visitor, TraceWalker::event);
    if (walkedEvents != events) {
      out = out != null ? out : in.toBuilder();
      out.clearEvents().addAllEvents(walkedEvents);
    }
    List<Span.Link> links = in.getLinksList();
    List<Span.Link> walkedLinks = Parts.each(links, visitor, TraceWalker::link);
    if (walkedLinks != links) {
      out = out != null ? out : in.toBuilder();
      out.clearLinks().addAllLinks(walkedLinks);
    }
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walkedAttributes = visitor.attributes(Site.SPAN, attributes);
    if (walkedAttributes != attributes) {
      out = out != null ? out : in.toBuilder();
      out.clearAttributes().addAllAttributes(walkedAttributes);
    }
    return out == null ? in : out.build();
  }

  private static Span.Event event(Span.Event in, RequestVisitor visitor) {
    String name = in.getName();
    String walkedName = visitor.text(TextField.SPAN_EVENT_NAME, name);
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walkedAttributes = visitor.attributes(Site.SPAN_EVENT, attributes);
    if (walkedName == name && walkedAttributes == attributes) {
      return in;
    }
    Span.Event.Builder out = in.toBuilder().setName(walkedName);
    if (walkedAttributes != attributes) {
      out.clearAttributes().addAllAttributes(walkedAttributes);
    }
    return out.build();
  }

  private static Span.Link link(Span.Link in, RequestVisitor visitor) {
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walked = visitor.attributes(Site.SPAN_LINK, attributes);
    if (walked == attributes) {
      return in;
    }
    return in.toBuilder().clearAttributes().addAllAttributes(walked).build();
  }
}
