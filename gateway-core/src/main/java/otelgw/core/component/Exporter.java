package otelgw.core.component;

import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.consumer.BatchConsumer;

/** Sends batches out of the gateway. */
public interface Exporter extends Component {

  /**
   * The consumer that takes this exporter's batches of one type, the same instance on every call.
   * Only types of the signals in its {@link ExporterSettings#signals()} are asked for.
   */
  <B extends Batch<?>> BatchConsumer<B> consumer(BatchType<?, B> type);
}
