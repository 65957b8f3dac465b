package otelgw.core.exporterhelper;

import otelgw.core.batch.Batch;
import otelgw.core.error.GatewayException;

/**
 * An exporter's network call, the last link of the chain queue → retry → send: sends one batch,
 * once, within the exporter's timeout, and says what the backend answered in the terms of {@link
 * GatewayException}. It never retries: the chain does.
 *
 * <p>Called from several queue consumer threads at once; must be thread-safe.
 */
@FunctionalInterface
public interface Sender<B extends Batch<?>> {

  /**
   * Sends {@code batch}.
   *
   * @return what the backend rejected of an otherwise accepted request; {@link PartialSuccess#NONE}
   *     when it took everything
   * @throws otelgw.core.error.PermanentException the backend will never take this data
   * @throws otelgw.core.error.RetryableException a passing failure: down, overloaded, timed out
   * @throws otelgw.core.error.ThrottledException the backend asked to wait a given time
   */
  PartialSuccess send(B batch) throws GatewayException;
}
