package otelgw.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * OTLP/HTTP with protobuf bodies, {@code POST /v1/traces} over HTTP/1.1 keep-alive connections (the
 * JDK client opens as many as there are requests in flight).
 */
final class HttpLoadClient implements LoadClient {

  private final ExecutorService executor;
  private final HttpClient client;
  private final URI uri;

  HttpLoadClient(int port) {
    executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "load-http");
              thread.setDaemon(true);
              return thread;
            });
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
    uri = URI.create("http://127.0.0.1:" + port + "/v1/traces");
  }

  @Override
  public void send(byte[] request, Callback callback) {
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
            .build();
    client
        .sendAsync(post, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                callback.done(Outcome.FAILED);
              } else if (response.statusCode() == 200) {
                callback.done(Outcome.OK);
              } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                callback.done(Outcome.REFUSED);
              } else {
                callback.done(Outcome.FAILED);
              }
            });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
