package otelgw.benchmarks.redaction;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import otelgw.benchmarks.RealisticSpans;
import otelgw.benchmarks.pipeline.Processors;
import otelgw.benchmarks.pipeline.RedactionRules;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Processor;
import otelgw.core.processor.redaction.RedactionFactory;

/**
 * The redaction processor on one request of realistic spans, from the bytes it arrived as to the
 * bytes an exporter sends: decode, walk every attribute and text field with 0, 5 or 20 {@code
 * blocked_values} rules, and re-encode if something was masked (one span in {@value
 * RealisticSpans#PII_EVERY} carries an e-mail address, so most requests of 100 spans are).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedactionBenchmark {

  @Param({"0", "5", "20"})
  public int rules;

  @Param({"1", "100", "1000"})
  public int spans;

  private byte[] request;
  private Processor<TraceBatch> redaction;
  private byte[] out;

  @Setup
  public void setUp() throws Exception {
    request = RealisticSpans.requestBytes(spans);
    redaction =
        Processors.create(
            new RedactionFactory(),
            RedactionRules.yaml(rules),
            batch -> {
              out = batch.toByteArray();
              batch.release();
            });
  }

  @Benchmark
  public void redact(Blackhole blackhole) {
    redaction.consume(BatchType.TRACES.fromWire(request));
    blackhole.consume(out);
  }
}
