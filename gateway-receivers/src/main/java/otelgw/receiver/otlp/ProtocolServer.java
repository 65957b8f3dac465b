package otelgw.receiver.otlp;

import java.io.IOException;
import java.net.InetSocketAddress;

/** One protocol's listener within the receiver: OTLP/gRPC or OTLP/HTTP. */
interface ProtocolServer {

  /**
   * Binds and starts serving.
   *
   * @throws IOException naming the endpoint, if it cannot listen there
   */
  void start() throws IOException;

  /** The address it listens on, with the actual port when the config said 0; null before start. */
  InetSocketAddress boundAddress();

  /** Stops accepting connections and requests; requests under way go on. Does not wait. */
  void stopAccepting();

  /**
   * Waits until the requests under way are answered or {@code deadlineNanos} (a {@link
   * System#nanoTime()} value) passes, then closes whatever is left and releases the threads.
   */
  void awaitStopped(long deadlineNanos);
}
