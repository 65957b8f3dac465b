package otelgw.benchmarks.load;

/** Sends one pre-serialized export request at a time, asynchronously. Thread-safe. */
interface LoadClient extends AutoCloseable {

  /** How a request ended. */
  enum Outcome {
    /** Acknowledged: the target owns the spans. */
    OK,
    /** Refused with a retryable status (gRPC UNAVAILABLE or RESOURCE_EXHAUSTED, HTTP 429/503). */
    REFUSED,
    /** Any other failure. */
    FAILED
  }

  /** Called once per request, on a transport thread. */
  @FunctionalInterface
  interface Callback {
    void done(Outcome outcome);
  }

  /** Sends {@code request} and calls {@code callback} with its outcome. */
  void send(byte[] request, Callback callback);

  @Override
  void close();
}
