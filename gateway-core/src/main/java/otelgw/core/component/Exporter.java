package otelgw.core.component;

import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.telemetry.SendHealth;

/** Sends batches out of the gateway. */
public interface Exporter extends Component {

  /**
   * The consumer that takes this exporter's batches of one type, the same instance on every call.
   * Only types of the signals in its {@link ExporterSettings#signals()} are asked for.
   */
  <B extends Batch<?>> BatchConsumer<B> consumer(BatchType<?, B> type);

  /**
   * How its sends of {@code signal} have gone lately, for health checks; {@link SendHealth#UNKNOWN}
   * by default, for an exporter that does not keep track. Thread-safe and cheap enough to call on
   * every health probe.
   */
  default SendHealth sendHealth(Signal signal) {
    return SendHealth.UNKNOWN;
  }
}
