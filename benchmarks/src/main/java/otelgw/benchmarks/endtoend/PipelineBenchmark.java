package otelgw.benchmarks.endtoend;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import otelgw.benchmarks.RealisticSpans;
import otelgw.benchmarks.pipeline.InProcessGateway;
import otelgw.benchmarks.pipeline.RedactionRules;

/**
 * The whole in-process pipeline, from request bytes to the exporter's send: the gRPC receiver's
 * path (wire scan, counting, admission, ring publish), the ring consumer running the processors,
 * the exporter helper's queue and consumer threads, and a sender that reads the bytes it would
 * send. Everything but the network. The time per operation is the steady-state cost of one request,
 * whichever stage is slowest; back-pressure keeps the stages in step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PipelineBenchmark {

  @Param({"passthrough", "limiter_batch", "limiter_redaction5_batch"})
  public String pipeline;

  @Param({"1", "100", "1000"})
  public int spans;

  private InProcessGateway gateway;
  private byte[] request;
  private long published;

  @Setup
  public void setUp() throws Exception {
    request = RealisticSpans.requestBytes(spans);
    gateway = InProcessGateway.start(config(pipeline));
  }

  @Benchmark
  public void export() {
    gateway.publish(request);
    published += spans;
  }

  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!gateway.awaitExported(published, Duration.ofSeconds(60))) {
      throw new IllegalStateException("the pipeline did not drain");
    }
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  static String config(String pipeline) {
    String processors =
        switch (pipeline) {
          case "passthrough" -> "[]";
          case "limiter_batch" -> "[memory_limiter, batch]";
          case "limiter_redaction5_batch" -> "[memory_limiter, redaction, batch]";
          default -> throw new IllegalArgumentException(pipeline);
        };
    return """
        receivers: { bench: {} }
        processors:
          memory_limiter: { check_interval: 1s, limit_percentage: 80, spike_limit_percentage: 20 }
          batch: {}
          redaction:
        %s
        exporters: { count: {} }
        service:
          pipelines:
            traces: { receivers: [bench], processors: %s, exporters: [count] }
        """
        .formatted(RedactionRules.yaml(5).indent(4).stripTrailing(), processors);
  }
}
