package otelgw.benchmarks.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import otelgw.config.ConfigException;
import otelgw.config.ConfigLoader;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Factories;
import otelgw.core.error.RefusedException;
import otelgw.core.pipeline.Ingress;
import otelgw.core.pipeline.Ingresses;
import otelgw.core.pipeline.PipelineGraph;
import otelgw.core.pipeline.ResolvedConfig;
import otelgw.core.processor.attributes.AttributesFactory;
import otelgw.core.processor.batch.BatchProcessorFactory;
import otelgw.core.processor.memorylimiter.MemoryLimiterFactory;
import otelgw.core.processor.redaction.RedactionFactory;

/**
 * otelgw's pipeline graph without the network: built from YAML like the real program, with a {@code
 * bench} receiver that exposes its ingress and a {@code count} exporter (behind the real exporter
 * helper's queue) that counts spans instead of sending them. Requests go in as protobuf bytes,
 * exactly as the gRPC receiver hands them over.
 */
public final class InProcessGateway implements AutoCloseable {

  private final PipelineGraph graph;
  private final Ingress<TraceBatch> ingress;
  private final LongAdder exported;

  private InProcessGateway(PipelineGraph graph, Ingress<TraceBatch> ingress, LongAdder exported) {
    this.graph = graph;
    this.ingress = ingress;
    this.exported = exported;
  }

  /**
   * Builds and starts a gateway of {@code yaml}, whose pipelines take from the {@code bench}
   * receiver and export to {@code count}.
   */
  public static InProcessGateway start(String yaml) throws Exception {
    AtomicReference<Ingresses> ingresses = new AtomicReference<>();
    LongAdder exported = new LongAdder();
    Factories factories =
        Factories.of(
            List.of(
                new CaptureReceiverFactory(ingresses),
                new CountingExporterFactory(exported),
                new MemoryLimiterFactory(),
                new BatchProcessorFactory(),
                new RedactionFactory(),
                new AttributesFactory()));
    ResolvedConfig resolved;
    try {
      resolved =
          ResolvedConfig.resolve(new ConfigLoader(Map.of()).loadYaml(yaml, "benchmark"), factories);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage() + "\n" + yaml, e);
    }
    PipelineGraph graph = PipelineGraph.build(resolved, new SimpleMeterRegistry());
    graph.start();
    Ingress<TraceBatch> ingress =
        ingresses.get().of(BatchType.TRACES, "grpc").orElseThrow(IllegalStateException::new);
    return new InProcessGateway(graph, ingress, exported);
  }

  /**
   * Publishes one request as the gRPC receiver does: scanned from its bytes, admitted, into the
   * ring. Spins while the ring is full, as a client retrying at once would.
   */
  public void publish(byte[] request) {
    while (true) {
      try {
        ingress.publish(BatchType.TRACES.fromWire(request));
        return;
      } catch (RefusedException e) {
        Thread.onSpinWait();
      }
    }
  }

  /** Publishes one request once; false if refused. */
  public boolean tryPublish(byte[] request) {
    try {
      ingress.publish(BatchType.TRACES.fromWire(request));
      return true;
    } catch (RefusedException e) {
      return false;
    }
  }

  /** Spans the exporter has been called with so far. */
  public long exportedSpans() {
    return exported.sum();
  }

  /** Waits until the exporter has seen {@code spans} spans, or {@code timeout} passes. */
  public boolean awaitExported(long spans, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (exported.sum() < spans) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }

  @Override
  public void close() {
    graph.shutdown(Duration.ofSeconds(10));
  }
}
