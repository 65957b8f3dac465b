package otelgw.core.otlp.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.TraceBatch;

class RequestWalkerTest {

  /** Changes nothing, and notes where it was taken. */
  private static final class Recorder implements RequestVisitor {
    final Set<Site> sites = EnumSet.noneOf(Site.class);
    final Set<TextField> fields = EnumSet.noneOf(TextField.class);
    int bodies;

    @Override
    public List<KeyValue> attributes(Site site, List<KeyValue> attributes) {
      sites.add(site);
      return attributes;
    }

    @Override
    public String text(TextField field, String value) {
      fields.add(field);
      return value;
    }

    @Override
    public AnyValue body(AnyValue body) {
      bodies++;
      return body;
    }
  }

  @Test
  void aVisitorThatChangesNothingGetsTheSameRequestBack() {
    Recorder recorder = new Recorder();
    ExportTraceServiceRequest traces =
        TestBatches.traces("s", 3).toBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(
                                Span.newBuilder()
                                    .addEvents(Span.Event.getDefaultInstance())
                                    .addLinks(Span.Link.getDefaultInstance())
                                    .setStatus(
                                        io.opentelemetry.proto.trace.v1.Status.newBuilder()
                                            .setMessage("m")))))
            .build();
    ExportLogsServiceRequest logs = TestBatches.logs(2);
    ExportMetricsServiceRequest metrics =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setGauge(
                                        Gauge.newBuilder()
                                            .addDataPoints(
                                                NumberDataPoint.newBuilder()
                                                    .addExemplars(
                                                        Exemplar.getDefaultInstance()))))))
            .build();

    assertThat(RequestWalker.of(BatchType.TRACES).walk(traces, recorder)).isSameAs(traces);
    assertThat(RequestWalker.of(BatchType.LOGS).walk(logs, recorder)).isSameAs(logs);
    assertThat(RequestWalker.of(BatchType.METRICS).walk(metrics, recorder)).isSameAs(metrics);
    assertThat(recorder.sites)
        .containsExactlyInAnyOrder(
            Site.RESOURCE,
            Site.SCOPE,
            Site.SPAN,
            Site.SPAN_EVENT,
            Site.SPAN_LINK,
            Site.LOG_RECORD,
            Site.METRIC_METADATA,
            Site.DATA_POINT,
            Site.EXEMPLAR);
    assertThat(recorder.fields)
        .containsExactlyInAnyOrder(
            TextField.SPAN_NAME,
            TextField.SPAN_STATUS_MESSAGE,
            TextField.SPAN_EVENT_NAME,
            TextField.LOG_EVENT_NAME);
    assertThat(recorder.bodies).isEqualTo(2);
  }

  @Test
  void onlyThePathToAChangeIsRebuilt() {
    ExportTraceServiceRequest request =
        TestBatches.traces("a", 2).toBuilder()
            .addAllResourceSpans(TestBatches.traces("b", 2).getResourceSpansList())
            .build();
    RequestVisitor renameB =
        (site, attributes) -> {
          if (site != Site.RESOURCE || !attributes.get(0).getValue().getStringValue().equals("b")) {
            return attributes;
          }
          List<KeyValue> changed = new ArrayList<>(attributes);
          changed.set(0, TestBatches.attribute("service.name", "renamed"));
          return changed;
        };

    ExportTraceServiceRequest walked = RequestWalker.of(BatchType.TRACES).walk(request, renameB);

    assertThat(walked.getResourceSpans(0)).isSameAs(request.getResourceSpans(0));
    assertThat(walked.getResourceSpans(1).getScopeSpans(0))
        .isSameAs(request.getResourceSpans(1).getScopeSpans(0));
    assertThat(
            TestBatches.resourceAttribute(
                walked.toBuilder().removeResourceSpans(0).build(), "service.name"))
        .isEqualTo("renamed");
  }

  @Test
  void rewriteUpdatesTheBatchOnlyOnAChange() {
    byte[] wire = TestBatches.traces("s", 2).toByteArray();
    TraceBatch batch = BatchType.TRACES.fromWire(wire);

    assertThat(RequestWalker.rewrite(batch, (site, attributes) -> attributes)).isFalse();
    assertThat(batch.toByteArray()).isSameAs(wire);
    assertThat(
            RequestWalker.rewrite(
                batch, (site, attributes) -> site == Site.RESOURCE ? List.of() : attributes))
        .isTrue();
    assertThat(batch.hasWireBytes()).isFalse();
  }
}
