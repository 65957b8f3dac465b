package otelgw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to the gateway's admin endpoints, as a probe, a scraper or a browser makes them. */
final class AdminHttp {

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AdminHttp() {}

  static HttpResponse<String> get(String url) {
    return send(request(url).GET().build());
  }

  static HttpResponse<String> head(String url) {
    return send(request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  static HttpResponse<String> post(String url) {
    return send(request(url).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
