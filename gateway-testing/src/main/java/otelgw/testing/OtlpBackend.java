package otelgw.testing;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An in-process OTLP backend for integration tests: an OTLP/gRPC server and an OTLP/HTTP server
 * (protobuf bodies, optionally gzip) on free ports of {@code 127.0.0.1}, which keep and count every
 * request they accept and can be told to misbehave.
 *
 * <p>Only accepted requests are "received"; requests answered with an error are counted by {@link
 * #failedRequestCount}. Faults are set at runtime with {@link #setFault}, {@link #failNext} and
 * {@link #clearFaults}, and {@link #stop()}/{@link #restart()} take the servers down for real and
 * bring them back on the same ports.
 *
 * <p>All methods are thread-safe. Query methods return immutable snapshots and the counts are cheap
 * enough to poll from Awaitility.
 */
public final class OtlpBackend implements AutoCloseable {

  static final String HOST = "127.0.0.1";

  /** How long {@link #close()} lets in-flight requests finish: {@value} seconds. */
  public static final int CLOSE_GRACE_SECONDS = 5;

  private final FaultSchedule faults = new FaultSchedule();
  private final ReceivedData received = new ReceivedData();
  private final DelayGate delays = new DelayGate();
  private final RequestProcessor processor = new RequestProcessor(faults, received, delays);
  private final ExecutorService handlers = Executors.newCachedThreadPool(daemonThreads());
  private final int grpcPort;
  private final int httpPort;

  // Guarded by this; both null while stopped.
  private Server grpcServer;
  private HttpServer httpServer;
  private boolean closed;

  private OtlpBackend() {
    try {
      grpcServer = BackendGrpcServices.start(HOST, 0, processor, handlers);
      httpServer = BackendHttpHandler.start(HOST, 0, processor, handlers);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot start OTLP backend", e);
    }
    grpcPort = grpcServer.getPort();
    httpPort = httpServer.getAddress().getPort();
  }

  /** Starts both servers, each on a free port of {@code 127.0.0.1}. */
  public static OtlpBackend start() {
    return new OtlpBackend();
  }

  /** The gRPC port; stays the same across {@link #restart()}. */
  public int grpcPort() {
    return grpcPort;
  }

  /** The HTTP port; stays the same across {@link #restart()}. */
  public int httpPort() {
    return httpPort;
  }

  /** {@code 127.0.0.1:PORT}, the form gRPC channel targets take. */
  public String grpcEndpoint() {
    return HOST + ":" + grpcPort;
  }

  /** {@code http://127.0.0.1:PORT}, without a path. */
  public String httpEndpoint() {
    return "http://" + HOST + ":" + httpPort;
  }

  /** The full OTLP/HTTP URL for {@code signal}, e.g. {@code http://127.0.0.1:PORT/v1/traces}. */
  public String httpUrl(OtlpSignal signal) {
    return httpEndpoint() + signal.httpPath();
  }

  /** Whether the servers are listening: true after start and restart, false after stop/close. */
  public synchronized boolean isRunning() {
    return grpcServer != null;
  }

  /**
   * Takes both servers down as a crash would: new connections are refused, open ones are dropped,
   * and requests still in a {@link Fault.Slow} delay are dropped unanswered and counted failed.
   * Received data and faults are kept. Does nothing if already stopped.
   */
  public synchronized void stop() {
    if (grpcServer != null) {
      grpcServer.shutdownNow();
      awaitQuietly(grpcServer);
      httpServer.stop(0);
      grpcServer = null;
      httpServer = null;
    }
    delays.releaseAll();
  }

  /**
   * Stops the servers if running, then starts them again on the same ports.
   *
   * @throws IllegalStateException if the backend is closed
   * @throws UncheckedIOException if a port was taken by someone else meanwhile
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("OTLP backend is closed");
    }
    stop();
    delays.rearm();
    try {
      grpcServer = BackendGrpcServices.start(HOST, grpcPort, processor, handlers);
      httpServer = BackendHttpHandler.start(HOST, httpPort, processor, handlers);
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot rebind OTLP backend ports", e);
    }
  }

  /** Applies {@code fault} to every request from now on, after any {@link #failNext} faults. */
  public void setFault(Fault fault) {
    faults.setStanding(fault);
  }

  /**
   * Applies {@code fault} to the next {@code requests} requests of any signal or transport, before
   * the standing fault. Calls queue up: {@code failNext(2, a); failNext(1, b)} gives a, a, b.
   */
  public void failNext(int requests, Fault fault) {
    faults.failNext(requests, fault);
  }

  /** Removes the standing fault and every queued {@link #failNext} fault. */
  public void clearFaults() {
    faults.clear();
  }

  /** Forgets all received data, counts and headers, and clears all faults. */
  public void reset() {
    received.clear();
    faults.clear();
  }

  /** Accepted requests for {@code signal}, in arrival order, with their transport and headers. */
  public List<ReceivedRequest> requests(OtlpSignal signal) {
    return received.requests(signal);
  }

  /** Accepted trace export requests, in arrival order. */
  public List<ExportTraceServiceRequest> traceRequests() {
    return messages(OtlpSignal.TRACES, ExportTraceServiceRequest.class);
  }

  /** Accepted metrics export requests, in arrival order. */
  public List<ExportMetricsServiceRequest> metricsRequests() {
    return messages(OtlpSignal.METRICS, ExportMetricsServiceRequest.class);
  }

  /** Accepted logs export requests, in arrival order. */
  public List<ExportLogsServiceRequest> logsRequests() {
    return messages(OtlpSignal.LOGS, ExportLogsServiceRequest.class);
  }

  /** Every accepted span, flattened across resources and scopes. */
  public List<Span> spans() {
    return flatten(traceRequests(), OtlpMessages::spans);
  }

  /** Every accepted metric, flattened across resources and scopes. */
  public List<Metric> metrics() {
    return flatten(metricsRequests(), OtlpMessages::metrics);
  }

  /** Every accepted log record, flattened across resources and scopes. */
  public List<LogRecord> logRecords() {
    return flatten(logsRequests(), OtlpMessages::logRecords);
  }

  /** Accepted spans; a counter, cheap to poll. */
  public long spanCount() {
    return received.itemCount(OtlpSignal.TRACES);
  }

  /** Accepted data points of every metric type (gauge, sum, histograms, summary). */
  public long metricPointCount() {
    return received.itemCount(OtlpSignal.METRICS);
  }

  /** Accepted log records. */
  public long logRecordCount() {
    return received.itemCount(OtlpSignal.LOGS);
  }

  /** Accepted requests for {@code signal}, over both transports. */
  public int requestCount(OtlpSignal signal) {
    return received.requestCount(signal);
  }

  /** Accepted requests for {@code signal} that came over {@code transport}. */
  public int requestCount(OtlpSignal signal, Transport transport) {
    return (int) requests(signal).stream().filter(r -> r.transport() == transport).count();
  }

  /**
   * Requests for {@code signal} answered with an error: injected faults, malformed requests and
   * requests dropped by {@link #stop()} or {@link #close()}.
   */
  public int failedRequestCount(OtlpSignal signal) {
    return received.failedCount(signal);
  }

  /** Failed requests across all signals; see {@link #failedRequestCount(OtlpSignal)}. */
  public int failedRequestCount() {
    return Arrays.stream(OtlpSignal.values()).mapToInt(received::failedCount).sum();
  }

  /**
   * Headers (HTTP) or metadata (gRPC) of the latest well-formed request for {@code signal}, whether
   * a fault rejected it or not; names lower-cased. Empty if none arrived yet.
   */
  public Map<String, List<String>> receivedHeaders(OtlpSignal signal) {
    return received.lastHeaders(signal);
  }

  /** The serialized accepted requests; see {@link ReceivedRequest#body()}. */
  public List<ByteString> rawRequestBodies(OtlpSignal signal) {
    return requests(signal).stream().map(ReceivedRequest::body).toList();
  }

  /**
   * Shuts down gracefully and for good: stops accepting, answers requests still in a {@link
   * Fault.Slow} delay with UNAVAILABLE, lets in-flight requests finish for up to {@value
   * #CLOSE_GRACE_SECONDS} seconds, then releases the ports and threads. Safe to call twice.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    delays.releaseAll();
    if (grpcServer != null) {
      grpcServer.shutdown();
      awaitQuietly(grpcServer);
      grpcServer.shutdownNow();
    }
    handlers.shutdown(); // HTTP handlers still running finish their answers.
    try {
      handlers.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (httpServer != null) {
      httpServer.stop(0);
    }
    handlers.shutdownNow();
    grpcServer = null;
    httpServer = null;
  }

  private <T> List<T> messages(OtlpSignal signal, Class<T> type) {
    return requests(signal).stream().map(r -> type.cast(r.message())).toList();
  }

  private static <R, T> List<T> flatten(List<R> requests, Function<R, Stream<T>> items) {
    return requests.stream().flatMap(items).toList();
  }

  private static void awaitQuietly(Server server) {
    try {
      server.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger next = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "otlp-backend-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
