package otelgw.core.component;

import otelgw.core.batch.Ticket;
import otelgw.core.error.RefusedException;

/**
 * Decides at the edge, before anything is acknowledged, whether the gateway can take more data: the
 * memory limiter's check, run by receivers' I/O threads for every request. Must be cheap and
 * non-blocking.
 */
public interface Admission extends Component {

  /**
   * Reserves {@code bytes} for a request about to be accepted.
   *
   * @return the ticket that frees the reservation when the data is delivered or dropped
   * @throws RefusedException when the gateway is over its limit; nothing was reserved
   */
  Ticket admit(long bytes) throws RefusedException;

  /**
   * Whether it refuses new data now, for health checks: a read of its current state, never a
   * reservation. False by default.
   */
  default boolean refusing() {
    return false;
  }
}
