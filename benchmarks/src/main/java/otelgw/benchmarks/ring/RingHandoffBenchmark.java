package otelgw.benchmarks.ring;

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

/**
 * The ring hand-off as the receivers use it: a request scanned from its bytes and published into a
 * pass-through pipeline's ring (through the graph's counting ingress), taken by the consumer thread
 * and handed straight to an exporter without a queue. The time per operation is the steady-state
 * cost of one request through the ring, whichever side is slower; the ring's back-pressure keeps
 * the two sides in step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RingHandoffBenchmark {

  private static final String CONFIG =
      """
      receivers: { bench: {} }
      exporters: { count: { sending_queue: { enabled: false } } }
      service:
        pipelines:
          traces: { receivers: [bench], exporters: [count] }
      """;

  @Param({"1", "100"})
  public int spans;

  private InProcessGateway gateway;
  private byte[] request;
  private long published;

  @Setup
  public void setUp() throws Exception {
    request = RealisticSpans.requestBytes(spans);
    gateway = InProcessGateway.start(CONFIG);
  }

  @Benchmark
  public void publish() {
    gateway.publish(request);
    published += spans;
  }

  /** Lets the consumer catch up, so that no iteration is charged for another's backlog. */
  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!gateway.awaitExported(published, Duration.ofSeconds(30))) {
      throw new IllegalStateException("the pipeline did not drain");
    }
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }
}
