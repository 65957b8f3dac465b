package otelgw.core.processor.probabilisticsampler;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoded requests: the tally of a sampler's decisions, and the request without the spans it drops.
 * A scope left with no spans goes, and so does a resource left with no scopes, as in the Collector;
 * what keeps all its spans is reused as it is.
 */
final class SpanFilter {

  private SpanFilter() {}

  static Tally tally(ExportTraceServiceRequest request, TraceSampler sampler) {
    int kept = 0;
    int dropped = 0;
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          if (sampler.keep(span.getTraceId())) {
            kept++;
          } else {
            dropped++;
          }
        }
      }
    }
    return new Tally(kept, dropped);
  }

  static ExportTraceServiceRequest keep(ExportTraceServiceRequest request, TraceSampler sampler) {
    ExportTraceServiceRequest.Builder out = request.toBuilder().clearResourceSpans();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      List<ScopeSpans> scopes = new ArrayList<>(resource.getScopeSpansCount());
      boolean changed = false;
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        ScopeSpans filtered = keep(scope, sampler);
        changed |= filtered != scope;
        if (filtered.getSpansCount() > 0) {
          scopes.add(filtered);
        }
      }
      if (!changed) {
        out.addResourceSpans(resource);
      } else if (!scopes.isEmpty()) {
        out.addResourceSpans(resource.toBuilder().clearScopeSpans().addAllScopeSpans(scopes));
      }
    }
    return out.build();
  }

  private static ScopeSpans keep(ScopeSpans scope, TraceSampler sampler) {
    List<Span> spans = scope.getSpansList();
    List<Span> kept = null;
    for (int i = 0, n = spans.size(); i < n; i++) {
      Span span = spans.get(i);
      boolean keep = sampler.keep(span.getTraceId());
      if (!keep && kept == null) {
        kept = new ArrayList<>(spans.subList(0, i));
      } else if (keep && kept != null) {
        kept.add(span);
      }
    }
    return kept == null ? scope : scope.toBuilder().clearSpans().addAllSpans(kept).build();
  }
}
