package otelgw.core.pipeline;

import otelgw.core.batch.Batch;
import otelgw.core.error.RefusedException;

/**
 * Where a receiver hands over what it received: the way into one or more pipelines' rings.
 * Non-blocking, safe to call from any number of I/O threads at once.
 */
public interface Ingress<B extends Batch<?>> {

  /**
   * Hands {@code batch} to the pipelines. On return the gateway owns it and the receiver may
   * acknowledge it to the client; nothing acknowledged is dropped silently after that.
   *
   * @throws RefusedException when the pipelines cannot take it now; nothing was taken, and the
   *     client should be told to retry later
   */
  void publish(B batch) throws RefusedException;
}
