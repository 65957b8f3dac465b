package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.core.component.Component;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.pipeline.Ingresses;

class OtlpReceiverLifecycleTest {

  @Test
  void shutsDownTwice() throws Exception {
    RunningReceiver running = RunningReceiver.start();
    int grpcPort = running.grpcPort();
    int httpPort = running.httpPort();

    running.close();
    running.close();

    assertPortFree(grpcPort);
    assertPortFree(httpPort);
  }

  @Test
  void shutsDownWithoutStart() {
    Component receiver = create(OtlpReceiverConfig.defaults());

    receiver.shutdown(Duration.ofSeconds(1));
    receiver.shutdown(Duration.ZERO);
  }

  @Test
  void aBindFailureNamesTheEndpoint() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String endpoint = "127.0.0.1:" + taken.getLocalPort();
      Component receiver =
          create(RunningReceiver.parse("protocols:\n  grpc: { endpoint: \"" + endpoint + "\" }\n"));

      assertThatThrownBy(receiver::start)
          .isInstanceOf(IOException.class)
          .hasMessage(
              "otlp receiver: cannot listen on "
                  + endpoint
                  + " for OTLP/gRPC: address already in use");
      receiver.shutdown(Duration.ofSeconds(1));
    }
  }

  @Test
  void anHttpBindFailureReleasesTheGrpcPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int grpcPort = probe.getLocalPort();
      probe.close();
      String httpEndpoint = "127.0.0.1:" + taken.getLocalPort();
      Component receiver =
          create(
              RunningReceiver.parse(
                  "protocols:\n  grpc: { endpoint: \"127.0.0.1:"
                      + grpcPort
                      + "\" }\n  http: { endpoint: \""
                      + httpEndpoint
                      + "\" }\n"));

      assertThatThrownBy(receiver::start)
          .hasMessage(
              "otlp receiver: cannot listen on "
                  + httpEndpoint
                  + " for OTLP/HTTP: address already in use");
      assertPortFree(grpcPort);
    }
  }

  @Test
  void missingTlsFilesFailTheStart() {
    Component receiver =
        create(
            RunningReceiver.parse(
                """
                protocols:
                  http:
                    endpoint: "127.0.0.1:0"
                    tls: { cert_file: /nonexistent/cert.pem, key_file: /nonexistent/key.pem }
                """));

    assertThatThrownBy(receiver::start)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("otlp receiver: cannot set up TLS on 127.0.0.1:0 for OTLP/HTTP");
    receiver.shutdown(Duration.ofSeconds(1));
  }

  @Test
  void letsAnHttpRequestUnderWayFinishAndTakesNoNewConnections() throws Exception {
    RunningReceiver running = RunningReceiver.start();
    CountDownLatch release = running.traces.hold();
    HttpClient client = HttpClient.newHttpClient();
    byte[] json = Files.readAllBytes(OtlpHttpReceiverTest.TESTDATA.resolve("js-traces.json"));
    CompletableFuture<HttpResponse<String>> answer =
        client.sendAsync(
            HttpRequest.newBuilder(running.httpUri("/v1/traces"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(running.traces.entered().await(10, TimeUnit.SECONDS)).isTrue();
    int httpPort = running.httpPort();

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(running::close);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertPortFree(httpPort));
    release.countDown();

    HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("connection")).hasValue("close");
    shutdown.get(10, TimeUnit.SECONDS);
    assertThat(running.traces.items()).isEqualTo(1);
  }

  private static Component create(OtlpReceiverConfig config) {
    ComponentId id = ComponentId.parse("otlp");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    return new OtlpReceiverFactory()
        .createReceiver(
            new ReceiverSettings(id, Ingresses.of(id, Map.of(), meters), meters), config);
  }

  private static void assertPortFree(int port) throws IOException {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }
}
