package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import otelgw.testing.Fault;
import otelgw.testing.OtlpBackend;

/**
 * Ten times more data than the backend takes, against a small memory limit, in the real jar with a
 * 256 MiB heap: otelgw stays alive and inside its limit, refuses only retryably, and what it
 * acknowledged is delivered or counted as dropped.
 */
class OverloadIT {

  private static final long MIB = 1024 * 1024;
  private static final long LIMIT_MIB = 160;

  @TempDir Path dir;

  @Test
  void memoryStaysInsideTheLimitAndNothingAcknowledgedIsLost() throws Exception {
    try (OtlpBackend backend = OtlpBackend.start()) {
      backend.setFault(Fault.slow(Duration.ofMillis(1000)));
      int grpcPort = FreePorts.next();
      int metricsPort = FreePorts.next();
      Path config = dir.resolve("overload.yaml");
      Files.writeString(
          config,
          """
          receivers:
            otlp:
              protocols:
                grpc:
                  endpoint: 127.0.0.1:%d
          processors:
            memory_limiter:
              check_interval: 100ms
              limit_mib: %d
              spike_limit_mib: 40
          exporters:
            otlp:
              endpoint: 127.0.0.1:%d
              tls:
                insecure: true
              retry_on_failure:
                initial_interval: 100ms
                max_interval: 500ms
          service:
            pipelines:
              traces:
                receivers: [otlp]
                processors: [memory_limiter]
                exporters: [otlp]
            telemetry:
              metrics:
                address: 127.0.0.1:%d
          """
              .formatted(grpcPort, LIMIT_MIB, backend.grpcPort(), metricsPort));
      // 1,000 spans of ~700 bytes: the ring's 1,024 slots alone could hold 700 MB of these.
      ExportTraceServiceRequest request = TestRequests.spans("overload", 1000, 600);
      try (OtelgwProcess otelgw = OtelgwProcess.start("--config", config.toString())) {
        Scrape metrics = new Scrape(metricsPort);
        await().atMost(Duration.ofSeconds(30)).until(metrics::available);

        ManagedChannel channel =
            NettyChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .maxInboundMessageSize(16 << 20)
                .build();
        AtomicLong acknowledged = new AtomicLong();
        Map<Status.Code, AtomicLong> refusals = new ConcurrentHashMap<>();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          running.add(
              clients.submit(
                  () -> {
                    TraceServiceGrpc.TraceServiceBlockingStub stub =
                        TraceServiceGrpc.newBlockingStub(channel);
                    while (System.nanoTime() < until) {
                      try {
                        stub.withDeadlineAfter(10, TimeUnit.SECONDS).export(request);
                        acknowledged.addAndGet(1000);
                      } catch (StatusRuntimeException e) {
                        refusals
                            .computeIfAbsent(e.getStatus().getCode(), c -> new AtomicLong())
                            .incrementAndGet();
                      }
                    }
                  }));
        }
        double peakHeapLive = 0;
        while (System.nanoTime() < until) {
          peakHeapLive =
              Math.max(peakHeapLive, metrics.value("otelgw_memory_limiter_heap_live_bytes"));
          await().pollDelay(Duration.ofMillis(250)).until(() -> true);
        }
        for (Future<?> client : running) {
          client.get();
        }
        clients.shutdown();
        channel.shutdownNow();

        assertThat(otelgw.isAlive()).as(otelgw.err()).isTrue();
        assertThat(refusals)
            .as("only retryable refusals")
            .containsOnlyKeys(Status.Code.UNAVAILABLE);
        assertThat(refusals.get(Status.Code.UNAVAILABLE).get()).isGreaterThan(0);
        assertThat(peakHeapLive).isLessThan(LIMIT_MIB * MIB);

        backend.clearFaults();
        long expected = acknowledged.get();
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    backend.spanCount() + metrics.value("otelgw_dropped_spans_total") >= expected);
        assertThat(backend.spanCount() + (long) metrics.value("otelgw_dropped_spans_total"))
            .as("sent = received + counted drops")
            .isEqualTo(expected);
        assertThat(otelgw.err()).doesNotContain("OutOfMemoryError");
      }
    }
  }

  /**
   * Reads one metric's value, summed over its series, from the running program; fails if absent.
   */
  private static final class Scrape {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;

    Scrape(int port) {
      uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    boolean available() {
      try {
        return http.send(
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200;
      } catch (Exception e) {
        return false;
      }
    }

    double value(String name) throws Exception {
      String text =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      double sum = 0;
      boolean found = false;
      for (String line : text.split("\n")) {
        if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          found = true;
        }
      }
      // A missing metric must not read as 0: "below the limit" would pass without a measurement.
      if (!found) {
        throw new AssertionError("no metric " + name + " in the scrape of " + uri);
      }
      return sum;
    }
  }
}
