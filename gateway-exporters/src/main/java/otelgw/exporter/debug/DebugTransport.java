package otelgw.exporter.debug;

import com.google.protobuf.Message;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.error.PermanentException;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.exporterhelper.Sender;
import otelgw.core.exporterhelper.Transport;

/**
 * The debug exporter's "network": each signal's sender writes the sampled batches as text to a
 * sink, on the calling thread. Nothing to open or close.
 */
final class DebugTransport implements Transport {

  private final DebugExporterConfig config;
  private final Consumer<String> sink;
  private final LongSupplier nanoTime;

  DebugTransport(DebugExporterConfig config, Consumer<String> sink, LongSupplier nanoTime) {
    this.config = config;
    this.sink = sink;
    this.nanoTime = nanoTime;
  }

  @Override
  public <B extends Batch<?>> Sender<B> sender(BatchType<?, B> type) {
    SignalText<Message> text = textFor(type.signal());
    // Only the internal logger samples, as in the Collector; standard output gets everything.
    Sampler sampler =
        config.useInternalLogger()
            ? new Sampler(config.samplingInitial(), config.samplingThereafter(), nanoTime)
            : new Sampler(1, 1, nanoTime);
    return batch -> {
      if (sampler.sample()) {
        sink.accept(render(text, batch));
      }
      return PartialSuccess.NONE;
    };
  }

  private String render(SignalText<Message> text, Batch<?> batch) throws PermanentException {
    Message request;
    try {
      request = batch.message();
    } catch (MalformedBatchException e) {
      throw new PermanentException("cannot decode the batch to print it: " + e.getMessage(), e);
    }
    Lines out = new Lines().add(0, text.summary(request));
    switch (config.verbosity()) {
      case BASIC -> {}
      case NORMAL -> text.normal(request, out);
      case DETAILED -> text.detailed(request, out);
    }
    return out.toString();
  }

  /** The one place the debug exporter picks by signal; each text takes its own request type. */
  @SuppressWarnings("unchecked")
  private static SignalText<Message> textFor(Signal signal) {
    SignalText<? extends Message> text =
        switch (signal) {
          case TRACES -> new TraceText();
          case METRICS -> new MetricText();
          case LOGS -> new LogText();
        };
    return (SignalText<Message>) text;
  }
}
