package otelgw.core.processor.probabilisticsampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Processor;
import otelgw.core.processor.CountingTicket;
import otelgw.core.processor.Processors;
import otelgw.core.processor.TestSink;

class ProbabilisticSamplerTest {

  private static final int TRACES = 20_000;
  private static final int SPANS_PER_TRACE = 3;
  private static final int REQUESTS = 200;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestSink<TraceBatch> sink = new TestSink<>();

  @ParameterizedTest
  @CsvSource({
    "10, proportional",
    "50, proportional",
    "100, proportional",
    "10, hash_seed",
    "50, hash_seed",
    "33.3, equalizing"
  })
  void keepsThePercentageOfTracesAndEachTraceWhole(double percentage, String mode) {
    Processor<TraceBatch> sampler =
        processor(
            "sampling_percentage: "
                + percentage
                + "\nmode: "
                + mode
                + (mode.equals("hash_seed") ? "\nhash_seed: 22\n" : "\n"));
    List<ByteString> traceIds = randomTraceIds(new Random(percentage > 20 ? 7 : 11));

    // Spread each trace's spans over different requests, as they arrive from different services.
    for (ExportTraceServiceRequest request : requests(traceIds)) {
      sampler.consume(BatchType.TRACES.fromWire(request.toByteArray()));
    }

    Map<ByteString, Integer> keptSpans = new HashMap<>();
    for (TraceBatch batch : sink.batches()) {
      for (ResourceSpans resource : batch.message().getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            keptSpans.merge(span.getTraceId(), 1, Integer::sum);
          }
        }
      }
    }
    assertThat(keptSpans.values()).allMatch(spans -> spans == SPANS_PER_TRACE);
    double p = percentage / 100;
    double kept = keptSpans.size() / (double) TRACES;
    double sigma = Math.sqrt(p * (1 - p) / TRACES);
    System.out.printf(
        "%s at %.1f%%: kept %.4f of %d traces (4 sigma = %.4f)%n",
        mode, percentage, kept, TRACES, 4 * sigma);
    assertThat(kept).isBetween(p - 4 * sigma - 1e-9, p + 4 * sigma + 1e-9);
    assertThat(meters.get(ProbabilisticSamplerFactory.DROPPED_SPANS).counter().count())
        .isEqualTo((TRACES - keptSpans.size()) * SPANS_PER_TRACE);
  }

  @Test
  void zeroPercentDropsEverythingAndReleasesTheBatch() {
    TraceBatch batch =
        BatchType.TRACES.fromWire(
            request(randomTraceIds(new Random(1)).subList(0, 10)).toByteArray());
    CountingTicket ticket = new CountingTicket();
    batch.attach(ticket);

    processor("sampling_percentage: 0\n").consume(batch);

    assertThat(sink.batches()).isEmpty();
    assertThat(ticket.holders()).isZero();
    assertThat(meters.get(ProbabilisticSamplerFactory.DROPPED_SPANS).counter().count())
        .isEqualTo(10);
  }

  @Test
  void aHundredPercentKeepsEverythingWithoutTouchingTheBytes() {
    byte[] wire = request(randomTraceIds(new Random(2)).subList(0, 50)).toByteArray();

    processor("sampling_percentage: 100\n").consume(BatchType.TRACES.fromWire(wire));

    assertThat(sink.only().hasWireBytes()).isTrue();
    assertThat(sink.only().toByteArray()).isSameAs(wire);
    assertThat(sink.only().isDecoded()).isFalse();
  }

  @Test
  void aBatchKeptOrDroppedWholeIsNeverDecoded() {
    Processor<TraceBatch> sampler = processor("sampling_percentage: 50\n");
    ByteString kept = traceIdWithRandomness((1L << 56) - 1);
    ByteString dropped = traceIdWithRandomness(0);
    TraceBatch keep = BatchType.TRACES.fromWire(request(List.of(kept, kept)).toByteArray());
    TraceBatch drop = BatchType.TRACES.fromWire(request(List.of(dropped)).toByteArray());
    CountingTicket ticket = new CountingTicket();
    drop.attach(ticket);

    sampler.consume(keep);
    sampler.consume(drop);

    assertThat(sink.only()).isSameAs(keep);
    assertThat(keep.isDecoded()).isFalse();
    assertThat(ticket.holders()).isZero();
  }

  @Test
  void aMixedBatchLosesOnlyTheDroppedSpansAndTheScopesLeftEmpty() {
    ByteString kept = traceIdWithRandomness((1L << 56) - 1);
    ByteString dropped = traceIdWithRandomness(0);
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(resource("a", List.of(kept, dropped), List.of(dropped)))
            .addResourceSpans(resource("b", List.of(dropped)))
            .addResourceSpans(resource("c", List.of(kept)))
            .build();

    processor("sampling_percentage: 50\n").consume(BatchType.TRACES.fromMessage(request));

    ExportTraceServiceRequest out = sink.only().message();
    assertThat(out.getResourceSpansList()).hasSize(2);
    assertThat(out.getResourceSpans(0).getScopeSpansList()).hasSize(1);
    assertThat(out.getResourceSpans(0).getScopeSpans(0).getSpansList())
        .extracting(Span::getTraceId)
        .containsExactly(kept);
    assertThat(out.getResourceSpans(1)).isSameAs(request.getResourceSpans(2));
    assertThat(sink.only().itemCount()).isEqualTo(2);
  }

  @Test
  void wireAndDecodedBatchesAreSampledAlike() {
    ExportTraceServiceRequest request = request(randomTraceIds(new Random(3)).subList(0, 500));
    TestSink<TraceBatch> fromMessage = new TestSink<>();
    Processors.create(
            new ProbabilisticSamplerFactory(),
            "sampling_percentage: 30\n",
            BatchType.TRACES,
            meters,
            fromMessage)
        .consume(BatchType.TRACES.fromMessage(request));

    processor("sampling_percentage: 30\n")
        .consume(BatchType.TRACES.fromWire(request.toByteArray()));

    assertThat(sink.only().message()).isEqualTo(fromMessage.only().message());
  }

  @Test
  void spansWithoutRandomnessFollowFailClosed() {
    ByteString zero = ByteString.copyFrom(new byte[16]);
    ByteString kept = traceIdWithRandomness((1L << 56) - 1);

    processor("sampling_percentage: 50\n")
        .consume(BatchType.TRACES.fromMessage(request(List.of(zero, kept))));
    TestSink<TraceBatch> open = new TestSink<>();
    Processors.create(
            new ProbabilisticSamplerFactory(),
            "sampling_percentage: 50\nfail_closed: false\n",
            BatchType.TRACES,
            meters,
            open)
        .consume(BatchType.TRACES.fromMessage(request(List.of(zero, kept))));

    assertThat(sink.only().itemCount()).isEqualTo(1);
    assertThat(open.only().itemCount()).isEqualTo(2);
  }

  @Test
  void theThresholdIsTheOpenTelemetryRejectionThreshold() {
    assertThat(TraceIdRandomnessSampler.threshold(100)).isZero();
    assertThat(TraceIdRandomnessSampler.threshold(0)).isEqualTo(1L << 56);
    assertThat(TraceIdRandomnessSampler.threshold(50)).isEqualTo(1L << 55);
    assertThat(TraceIdRandomnessSampler.threshold(25)).isEqualTo(3L << 54);
    assertThat(TraceIdRandomnessSampler.randomness(traceIdWithRandomness(0x123456789ABCDEL)))
        .isEqualTo(0x123456789ABCDEL);
  }

  private Processor<TraceBatch> processor(String yaml) {
    return Processors.create(
        new ProbabilisticSamplerFactory(), yaml, BatchType.TRACES, meters, sink);
  }

  private static List<ByteString> randomTraceIds(Random random) {
    List<ByteString> ids = new ArrayList<>(TRACES);
    for (int i = 0; i < TRACES; i++) {
      byte[] id = new byte[16];
      random.nextBytes(id);
      ids.add(ByteString.copyFrom(id));
    }
    return ids;
  }

  private static ByteString traceIdWithRandomness(long randomness) {
    byte[] id = new byte[16];
    id[0] = 1;
    for (int i = 0; i < 7; i++) {
      id[15 - i] = (byte) (randomness >>> (8 * i));
    }
    return ByteString.copyFrom(id);
  }

  private static List<ExportTraceServiceRequest> requests(List<ByteString> traceIds) {
    List<ScopeSpans.Builder> scopes = new ArrayList<>();
    for (int r = 0; r < REQUESTS; r++) {
      scopes.add(ScopeSpans.newBuilder());
    }
    for (int t = 0; t < traceIds.size(); t++) {
      for (int s = 0; s < SPANS_PER_TRACE; s++) {
        scopes.get((t + s * 7) % REQUESTS).addSpans(span(traceIds.get(t), s));
      }
    }
    List<ExportTraceServiceRequest> requests = new ArrayList<>();
    for (ScopeSpans.Builder scope : scopes) {
      requests.add(
          ExportTraceServiceRequest.newBuilder()
              .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
              .build());
    }
    return requests;
  }

  private static ExportTraceServiceRequest request(List<ByteString> traceIds) {
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(resource("r", traceIds)).build();
  }

  @SafeVarargs
  private static ResourceSpans resource(String name, List<ByteString>... scopes) {
    ResourceSpans.Builder resource =
        ResourceSpans.newBuilder()
            .setResource(
                Resource.newBuilder()
                    .addAttributes(
                        KeyValue.newBuilder()
                            .setKey("service.name")
                            .setValue(AnyValue.newBuilder().setStringValue(name))));
    for (List<ByteString> traceIds : scopes) {
      ScopeSpans.Builder scope = ScopeSpans.newBuilder();
      for (int i = 0; i < traceIds.size(); i++) {
        scope.addSpans(span(traceIds.get(i), i));
      }
      resource.addScopeSpans(scope);
    }
    return resource.build();
  }

  private static Span span(ByteString traceId, int index) {
    return Span.newBuilder()
        .setTraceId(traceId)
        .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) (index + 1)}))
        .setName("span-" + index)
        .build();
  }
}
