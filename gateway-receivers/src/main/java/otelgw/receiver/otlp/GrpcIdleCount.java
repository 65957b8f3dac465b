package otelgw.receiver.otlp;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Counts the gRPC connections closed by {@code max_connection_idle} in {@code
 * otelgw.receiver.idle_closed}.
 *
 * <p>grpc closes an idle connection itself and tells no one why, so this infers it from public
 * hooks: a {@link ServerTransportFilter} gives each connection a record of its open calls and of
 * when it last had one, a stream tracer keeps it, and a connection that ends with no call open,
 * idle for about {@code max_connection_idle}, is counted. "About": grpc's idle clock starts before
 * the connection's handshake ends, when this one can start, so the check allows {@link #margin} for
 * it; a client that closes its own connection that close to the limit is counted too. Calls to a
 * method that does not exist are not seen (grpc rejects them before a call starts). Thread-safe.
 */
final class GrpcIdleCount {

  private static final Attributes.Key<Activity> ACTIVITY = Attributes.Key.create("otelgw.activity");

  private static final Duration MAX_MARGIN = Duration.ofSeconds(1);

  private final long countedAfterNanos;
  private final ReceiverMeters meters;
  private final LongSupplier nanoTime;

  /**
   * @param maxConnectionIdle grpc's {@code max_connection_idle}; not zero
   * @param nanoTime the clock, {@link System#nanoTime} but in tests
   */
  GrpcIdleCount(Duration maxConnectionIdle, ReceiverMeters meters, LongSupplier nanoTime) {
    this.countedAfterNanos = maxConnectionIdle.minus(margin(maxConnectionIdle)).toNanos();
    this.meters = meters;
    this.nanoTime = nanoTime;
  }

  /** How much sooner than {@code max_connection_idle} an end still counts as an idle close. */
  static Duration margin(Duration maxConnectionIdle) {
    Duration half = maxConnectionIdle.dividedBy(2);
    return half.compareTo(MAX_MARGIN) < 0 ? half : MAX_MARGIN;
  }

  /** Gives each connection its record, and counts it when it ends idle. */
  ServerTransportFilter transportFilter() {
    return new ServerTransportFilter() {
      @Override
      public Attributes transportReady(Attributes attributes) {
        return attributes.toBuilder().set(ACTIVITY, new Activity(nanoTime.getAsLong())).build();
      }

      @Override
      public void transportTerminated(Attributes attributes) {
        Activity activity = attributes == null ? null : attributes.get(ACTIVITY);
        if (activity != null && activity.idleFor(nanoTime.getAsLong()) >= countedAfterNanos) {
          meters.idleTimeout();
        }
      }
    };
  }

  /** Keeps each connection's record as its calls start and end. */
  ServerStreamTracer.Factory streamTracerFactory() {
    return new ServerStreamTracer.Factory() {
      @Override
      public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        return new Tracer(nanoTime);
      }
    };
  }

  private static final class Tracer extends ServerStreamTracer {
    private final LongSupplier nanoTime;
    private volatile Activity activity; // null until the call starts

    Tracer(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
    }

    @Override
    public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
      Activity started = callInfo.getAttributes().get(ACTIVITY);
      if (started != null) {
        started.callStarted();
        activity = started;
      }
    }

    @Override
    public void streamClosed(Status status) {
      Activity started = activity;
      if (started != null) {
        started.callEnded(nanoTime.getAsLong());
      }
    }
  }

  /** One connection's open calls, and when it last went without. */
  private static final class Activity {
    private final AtomicInteger openCalls = new AtomicInteger();
    private volatile long idleSince;

    Activity(long now) {
      idleSince = now;
    }

    void callStarted() {
      openCalls.incrementAndGet();
    }

    void callEnded(long now) {
      idleSince = now;
      openCalls.decrementAndGet();
    }

    /** How long the connection has had no call open, or -1 while it has one. */
    long idleFor(long now) {
      return openCalls.get() > 0 ? -1 : now - idleSince;
    }
  }
}
