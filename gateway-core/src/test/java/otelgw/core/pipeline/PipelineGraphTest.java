package otelgw.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigLoader;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.CountedTicket;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.RefusedException;
import otelgw.core.telemetry.MetricNames;

class PipelineGraphTest {

  private final TestComponents components = new TestComponents();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PipelineGraph graph;

  @AfterEach
  void tearDown() {
    components.gate.countDown();
    if (graph != null) {
      graph.shutdown(Duration.ofSeconds(5));
    }
  }

  private PipelineGraph start(String yaml) throws Exception {
    ResolvedConfig resolved =
        ResolvedConfig.resolve(
            new ConfigLoader(Map.of()).loadYaml(yaml, "graph.yaml"), components.factories());
    graph = PipelineGraph.build(resolved, meters);
    graph.start();
    return graph;
  }

  private double count(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void everyExporterOfAPipelineGetsEveryBatchAsAnObjectOfItsOwn() throws Exception {
    start(
        """
        receivers: {test: {}}
        exporters: {sink/a: {}, sink/b: {}}
        service:
          pipelines:
            traces: {receivers: [test], exporters: [sink/a, sink/b]}
        """);
    List<TraceBatch> published = new ArrayList<>();

    for (int i = 1; i <= 5; i++) {
      TraceBatch batch = TestBatches.traceBatch("svc", i);
      published.add(batch);
      components.traces().publish(batch);
    }

    TestComponents.Sink a = components.sink("sink/a");
    TestComponents.Sink b = components.sink("sink/b");
    await().until(() -> a.received.size() == 5 && b.received.size() == 5);
    assertThat(a.itemCounts()).containsExactly(1, 2, 3, 4, 5);
    assertThat(b.itemCounts()).containsExactly(1, 2, 3, 4, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(a.received.get(i)).isNotSameAs(b.received.get(i));
      // Neither was decoded or re-encoded: both send the bytes as they arrived.
      assertThat(a.received.get(i).toByteArray()).isSameAs(published.get(i).toByteArray());
      assertThat(b.received.get(i).toByteArray()).isSameAs(published.get(i).toByteArray());
    }
    assertThat(
            count(
                MetricNames.receiverAccepted(Signal.TRACES),
                "receiver",
                "test",
                "transport",
                "grpc"))
        .isEqualTo(15);
  }

  @Test
  void aReceiverIsGivenIngressesOnlyForTheSignalsOfItsPipelines() throws Exception {
    start(
        """
        receivers: {test: {}}
        exporters: {sink: {}}
        service:
          pipelines:
            traces: {receivers: [test], exporters: [sink]}
        """);

    Ingresses ingresses = components.ingresses.values().iterator().next();
    assertThat(ingresses.signals()).containsExactly(Signal.TRACES);
    assertThat(ingresses.of(BatchType.LOGS, "grpc")).isEmpty();
  }

  @Test
  void aProcessorsChangeInOnePipelineDoesNotShowInAnotherFedByTheSameReceiver() throws Exception {
    start(
        """
        receivers: {test: {}}
        processors: {attributes: {key: tenant, value: acme}}
        exporters: {sink/marked: {}, sink/plain: {}}
        service:
          pipelines:
            traces/marked: {receivers: [test], processors: [attributes], exporters: [sink/marked]}
            traces/plain: {receivers: [test], exporters: [sink/plain]}
        """);
    TraceBatch batch = TestBatches.traceBatch("svc", 2);
    byte[] original = batch.toByteArray();

    components.traces().publish(batch);

    TestComponents.Sink marked = components.sink("sink/marked");
    TestComponents.Sink plain = components.sink("sink/plain");
    await().until(() -> marked.received.size() == 1 && plain.received.size() == 1);
    TraceBatch changed = (TraceBatch) marked.received.get(0);
    TraceBatch untouched = (TraceBatch) plain.received.get(0);
    assertThat(TestBatches.resourceAttribute(changed.message(), "tenant")).isEqualTo("acme");
    assertThat(untouched.isDecoded()).isFalse();
    assertThat(untouched.toByteArray()).isSameAs(original);
    assertThat(TestBatches.resourceAttribute(untouched.message(), "tenant")).isNull();
  }

  @Test
  void processorsAreCountedInAndOut() throws Exception {
    start(
        """
        receivers: {test: {}}
        processors: {drop_odd: {}}
        exporters: {sink: {}}
        service:
          pipelines:
            traces: {receivers: [test], processors: [drop_odd], exporters: [sink]}
        """);

    for (int i = 0; i < 4; i++) {
      components.traces().publish(TestBatches.traceBatch("svc", 3));
    }

    TestComponents.Sink sink = components.sink("sink");
    await().until(() -> sink.received.size() == 2);
    String[] tags = {"processor", "drop_odd", "otel_signal", "traces"};
    await().until(() -> count(MetricNames.PROCESSOR_INCOMING, tags) == 12);
    assertThat(count(MetricNames.PROCESSOR_OUTGOING, tags)).isEqualTo(6);
  }

  @Test
  void aFullRingRefusesAndNothingAcceptedIsLost() throws Exception {
    start(
        """
        receivers: {test: {}}
        exporters: {sink: {block: true}}
        service:
          pipelines:
            traces: {receivers: [test], exporters: [sink]}
        """);
    List<TraceBatch> accepted = new ArrayList<>();
    RefusedException refused = null;

    for (int i = 0; i < 10 * PipelineGraph.DEFAULT_RING_SIZE && refused == null; i++) {
      TraceBatch batch = TestBatches.traceBatch("svc", 2);
      try {
        components.traces().publish(batch);
        accepted.add(batch);
      } catch (RefusedException e) {
        refused = e;
      }
    }

    assertThat(refused).isNotNull();
    assertThat(refused.reason()).isEqualTo(RefusedException.Reason.PIPELINE_FULL);
    // The consumer holds the first batch at the gate; its slot is not free until it is done.
    assertThat(accepted).hasSize(PipelineGraph.DEFAULT_RING_SIZE);
    assertThat(count(MetricNames.receiverRefused(Signal.TRACES), "receiver", "test")).isEqualTo(2);
    assertThat(count(MetricNames.receiverAccepted(Signal.TRACES), "receiver", "test"))
        .isEqualTo(2.0 * accepted.size());

    components.gate.countDown();

    TestComponents.Sink sink = components.sink("sink");
    await().until(() -> sink.received.size() == accepted.size());
    assertThat(sink.received).containsExactlyElementsOf(accepted);
  }

  @Test
  void aReceiverFeedingTwoPipelinesPublishesIntoAllOrNone() throws Exception {
    start(
        """
        receivers: {test: {}}
        exporters: {sink/slow: {block: true}, sink/fast: {}}
        service:
          pipelines:
            traces/slow: {receivers: [test], exporters: [sink/slow]}
            traces/fast: {receivers: [test], exporters: [sink/fast]}
        """);
    int accepted = 0;
    boolean refused = false;

    while (!refused && accepted < 10 * PipelineGraph.DEFAULT_RING_SIZE) {
      try {
        components.traces().publish(TestBatches.traceBatch("svc", 1));
        accepted++;
      } catch (RefusedException e) {
        refused = true;
      }
    }

    assertThat(refused).isTrue();
    TestComponents.Sink fast = components.sink("sink/fast");
    int acceptedBatches = accepted;
    await().until(() -> fast.received.size() == acceptedBatches);
    components.gate.countDown();
    TestComponents.Sink slow = components.sink("sink/slow");
    await().until(() -> slow.received.size() == acceptedBatches);
    // The refused batch reached neither pipeline.
    assertThat(fast.received).hasSize(acceptedBatches);
  }

  @Test
  void aStageThatThrowsIsCountedAndTheRingGoesOn() throws Exception {
    start(
        """
        receivers: {test: {}}
        processors: {fail: {}}
        exporters: {sink: {}}
        service:
          pipelines:
            traces: {receivers: [test], processors: [fail], exporters: [sink]}
        """);

    AtomicLong freed = new AtomicLong();
    TraceBatch unlucky = TestBatches.traceBatch("svc", 13);
    unlucky.attach(new CountedTicket(500, freed::addAndGet));

    components.traces().publish(TestBatches.traceBatch("svc", 1));
    components.traces().publish(unlucky);
    components.traces().publish(TestBatches.traceBatch("svc", 2));

    TestComponents.Sink sink = components.sink("sink");
    await().until(() -> sink.received.size() == 2);
    assertThat(sink.itemCounts()).containsExactly(1, 2);
    assertThat(count(MetricNames.PIPELINE_ERRORS, "pipeline", "traces")).isEqualTo(1);
    assertThat(freed).as("the lost batch's admitted memory is freed").hasValue(500);
  }

  @Test
  void startsDownstreamFirstAndShutsDownUpstreamFirst() throws Exception {
    start(
        """
        receivers: {test: {}}
        processors: {attributes: {}, drop_odd: {}}
        exporters: {sink: {}}
        service:
          pipelines:
            traces: {receivers: [test], processors: [attributes, drop_odd], exporters: [sink]}
        """);

    assertThat(components.lifecycle)
        .containsExactly(
            "start exporter sink",
            "start processor drop_odd@traces",
            "start processor attributes@traces",
            "start receiver test");

    components.lifecycle.clear();
    graph.shutdown(Duration.ofSeconds(5));

    assertThat(components.lifecycle)
        .containsExactly(
            "shutdown receiver test",
            "shutdown processor attributes@traces",
            "shutdown processor drop_odd@traces",
            "shutdown exporter sink");
  }

  @Test
  void shutdownDrainsWhatWasAcceptedBeforeItReturns() throws Exception {
    start(
        """
        receivers: {test: {}}
        exporters: {sink: {block: true}}
        service:
          pipelines:
            traces: {receivers: [test], exporters: [sink]}
        """);
    for (int i = 1; i <= 20; i++) {
      components.traces().publish(TestBatches.traceBatch("svc", i));
    }

    CompletableFuture<Void> shutdown =
        CompletableFuture.runAsync(() -> graph.shutdown(Duration.ofSeconds(10)));
    await().until(() -> components.lifecycle.contains("shutdown receiver test"));
    // Shutting down: the ring takes nothing new.
    assertThatThrownBy(() -> components.traces().publish(TestBatches.traceBatch("svc", 99)))
        .isInstanceOf(RefusedException.class);
    assertThat(shutdown).isNotDone();

    components.gate.countDown();

    shutdown.get(10, TimeUnit.SECONDS);
    TestComponents.Sink sink = components.sink("sink");
    assertThat(sink.received).extracting(Batch::itemCount).hasSize(20).doesNotContain(99);
    assertThat(components.lifecycle).last().isEqualTo("shutdown exporter sink");
  }

  @Test
  void whatAProcessorFlushesAtShutdownStillReachesItsExporter() throws Exception {
    start(
        """
        receivers: {test: {}}
        processors: {hold: {}}
        exporters: {sink: {}}
        service:
          pipelines:
            traces: {receivers: [test], processors: [hold], exporters: [sink]}
        """);
    for (int i = 1; i <= 3; i++) {
      components.traces().publish(TestBatches.traceBatch("svc", i));
    }

    graph.shutdown(Duration.ofSeconds(5));

    TestComponents.Sink sink = components.sink("sink");
    assertThat(sink.afterShutdown).isEmpty();
    assertThat(sink.itemCounts()).containsExactly(1, 2, 3);
  }

  @Test
  void shutdownTwiceAndWithoutStartIsSafe() throws Exception {
    ResolvedConfig resolved =
        ResolvedConfig.resolve(
            new ConfigLoader(Map.of())
                .loadYaml(
                    """
                    receivers: {test: {}}
                    exporters: {sink: {}}
                    service:
                      pipelines:
                        traces: {receivers: [test], exporters: [sink]}
                    """,
                    "graph.yaml"),
            components.factories());
    PipelineGraph unstarted = PipelineGraph.build(resolved, meters);

    assertThatCode(
            () -> {
              unstarted.shutdown(Duration.ofSeconds(1));
              unstarted.shutdown(Duration.ofSeconds(1));
            })
        .doesNotThrowAnyException();
    assertThat(components.lifecycle).containsOnlyOnce("shutdown exporter sink");
  }
}
