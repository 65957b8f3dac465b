package otelgw.benchmarks.batching;

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
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Processor;
import otelgw.core.processor.batch.BatchProcessorFactory;

/**
 * The batch processor with its default settings ({@code send_batch_size: 8192}) taking requests of
 * {@code spans} spans as they arrive on the ring, and the merged batches' bytes taken as an
 * exporter would: the cost of holding, merging and sending on, per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchingBenchmark {

  @Param({"1", "100", "1000"})
  public int spans;

  private byte[] request;
  private Processor<TraceBatch> batching;
  private Blackhole sink;

  @Setup
  public void setUp(Blackhole blackhole) throws Exception {
    sink = blackhole;
    request = RealisticSpans.requestBytes(spans);
    batching =
        Processors.create(
            new BatchProcessorFactory(),
            "send_batch_size: 8192\ntimeout: 200ms\n",
            batch -> {
              sink.consume(batch.wireChunks());
              sink.consume(batch.itemCount());
              batch.release();
            });
  }

  @Benchmark
  public void consume() {
    batching.consume(BatchType.TRACES.fromWire(request));
  }
}
