package otelgw.core.component;

import java.time.Duration;

/**
 * Anything with a lifecycle: receivers, processors, exporters, extensions.
 *
 * <p>{@link #start()} returns quickly; failing to start (a port in use) throws and stops start-up.
 * {@link #shutdown(Duration)} is idempotent, safe without {@code start()}, and returns within about
 * its deadline, having given up on what it could not finish.
 */
public interface Component {

  default void start() throws Exception {}

  /**
   * Stops the component, finishing in-flight work for at most {@code deadline}.
   *
   * @param deadline how long draining may take; zero means stop at once
   */
  default void shutdown(Duration deadline) {}
}
