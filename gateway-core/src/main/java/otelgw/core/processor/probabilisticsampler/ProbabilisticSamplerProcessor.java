package otelgw.core.processor.probabilisticsampler;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;

/**
 * Drops the spans of traces sampled out. A batch it keeps whole is passed on untouched (its
 * original bytes forwarded); one it drops whole is released; only a batch with traces of both kinds
 * is decoded and rebuilt. Decisions on a batch not yet decoded are taken on its wire bytes. Runs on
 * the pipeline's ring consumer thread.
 */
final class ProbabilisticSamplerProcessor<B extends Batch<?>> implements Processor<B> {

  private final BatchConsumer<B> next;
  private final TraceSampler sampler;
  private final double percentage;
  private final Counter dropped;

  ProbabilisticSamplerProcessor(
      BatchConsumer<B> next, ProbabilisticSamplerConfig config, Counter dropped) {
    this.next = next;
    this.sampler = TraceSampler.of(config);
    this.percentage = config.samplingPercentage();
    this.dropped = dropped;
  }

  @Override
  public void consume(B batch) {
    if (percentage >= 100) {
      next.consume(batch);
      return;
    }
    if (percentage <= 0) {
      dropped.increment(batch.itemCount());
      batch.release();
      return;
    }
    @SuppressWarnings("unchecked")
    Batch<ExportTraceServiceRequest> traces = (Batch<ExportTraceServiceRequest>) batch;
    Tally tally = tally(traces);
    if (tally.dropped() == 0) {
      next.consume(batch);
      return;
    }
    dropped.increment(tally.dropped());
    if (tally.kept() == 0) {
      batch.release();
      return;
    }
    traces.update(SpanFilter.keep(traces.message(), sampler));
    next.consume(batch);
  }

  private Tally tally(Batch<ExportTraceServiceRequest> batch) {
    if (!batch.isDecoded()) {
      try {
        return WireTally.of(batch.toByteArray(), sampler);
      } catch (IOException e) {
        // The wire scan at admission checked only the framing it walks; let the parser judge.
      }
    }
    return SpanFilter.tally(batch.message(), sampler);
  }

  @Override
  public boolean mutatesData() {
    return true;
  }
}
