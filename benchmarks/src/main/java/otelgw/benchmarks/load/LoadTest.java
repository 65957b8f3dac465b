package otelgw.benchmarks.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import otelgw.benchmarks.RealisticSpans;

/**
 * The end-to-end load test. Starts a lean OTLP sink in this JVM, then for each {@link Scenario}
 * starts the target as its own process (otelgw.jar through its launcher {@code bin/otelgw}, as a
 * user starts it, with a config from {@code benchmarks/configs}; or the {@link ByteRelay}), drives
 * it over loopback with pre-serialized requests, and records throughput, the target's CPU time and
 * memory, acknowledgement latency and spans lost. Writes one JSON line per run and a Markdown
 * summary; see {@code benchmarks/load-test.sh}.
 *
 * <pre>
 * java -cp benchmarks.jar otelgw.benchmarks.load.LoadTest [--otelgw-jar PATH] [--launcher PATH]
 *     [--configs DIR] [--out DIR] [--warmup 30s] [--duration 15s] [--repeat 1] [--only REGEX]
 *     [--jvm-flags "FLAGS"] [--connections 2] [--concurrency 16]
 * java -cp benchmarks.jar otelgw.benchmarks.load.LoadTest --summarize RESULTS.jsonl
 * </pre>
 */
public final class LoadTest {

  private final Path otelgwJar;
  private final Path configs;
  private final Path out;
  private final Duration warmup;
  private final Duration duration;
  private final int repeat;
  private final Pattern only;
  private final Path launcher;
  private final List<String> jvmFlags;
  private final int connections;
  private final int concurrency;
  private final Map<String, String> vmFlagsSeen = new LinkedHashMap<>();

  private LoadTest(Map<String, String> options) {
    otelgwJar = Path.of(options.getOrDefault("otelgw-jar", "gateway-app/target/otelgw.jar"));
    launcher = Path.of(options.getOrDefault("launcher", "bin/otelgw"));
    configs = Path.of(options.getOrDefault("configs", "benchmarks/configs"));
    out = Path.of(options.getOrDefault("out", "benchmarks/results"));
    warmup = seconds(options.getOrDefault("warmup", "30s"));
    duration = seconds(options.getOrDefault("duration", "15s"));
    repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
    only = Pattern.compile(options.getOrDefault("only", ".*"));
    String flags = options.getOrDefault("jvm-flags", "").trim();
    jvmFlags = flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+"));
    connections = Integer.parseInt(options.getOrDefault("connections", "2"));
    concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        usage("unexpected argument " + args[i]);
      }
      String key = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      options.put(key, value);
    }
    if (options.containsKey("summarize")) {
      System.out.print(Summary.markdown(JsonLines.read(Path.of(options.get("summarize")))));
      return;
    }
    new LoadTest(options).run();
  }

  private void run() throws Exception {
    if (!Files.isRegularFile(otelgwJar)) {
      usage("no otelgw jar at " + otelgwJar + "; build it first (mvn -q install -DskipTests)");
    }
    Files.createDirectories(out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path results = out.resolve("loadtest-" + stamp + ".jsonl");
    Path log = out.resolve("loadtest-" + stamp + ".log");
    List<Scenario> scenarios =
        Scenario.all().stream().filter(s -> only.matcher(s.name()).find()).toList();
    System.out.printf(
        "load test: %d runs x %d, %s warm-up + %s each; results in %s%n",
        scenarios.size(), repeat, warmup, duration, results);
    int sinkGrpc = freePort();
    int sinkHttp = freePort();
    List<Map<String, Object>> all = new ArrayList<>();
    try (Sink sink = Sink.start(sinkGrpc, sinkHttp)) {
      for (int r = 1; r <= repeat; r++) {
        for (Scenario scenario : scenarios) {
          Map<String, Object> record = runOne(scenario, r, sink, sinkGrpc, sinkHttp, log);
          all.add(record);
          Files.writeString(
              results,
              JsonLines.write(record) + "\n",
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          System.out.println(Summary.line(record));
        }
      }
    }
    String summary = Summary.markdown(all);
    Files.writeString(out.resolve("loadtest-" + stamp + ".md"), summary);
    System.out.println();
    System.out.print(summary);
  }

  private Map<String, Object> runOne(
      Scenario scenario, int repetition, Sink sink, int sinkGrpc, int sinkHttp, Path log)
      throws Exception {
    int grpcPort = freePort();
    int httpPort = freePort();
    int metricsPort = freePort();
    List<String> command = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    int[] ports;
    if (scenario.isRelay()) {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmFlags);
      command.addAll(List.of("-cp", ownJar().toString(), ByteRelay.class.getName()));
      command.addAll(List.of(Integer.toString(grpcPort), Integer.toString(sinkGrpc)));
      ports = new int[] {grpcPort};
    } else {
      // As a user starts it: the launcher's JVM settings, with --jvm-flags after them (they win).
      command.add(launcher.toString());
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("OTELGW_JAR", otelgwJar.toString());
      env.put("JAVA_OPTS", String.join(" ", jvmFlags));
      command.addAll(
          List.of(
              "--config",
              configs.resolve(scenario.target() + ".yaml").toString(),
              "--grace-period",
              "5s"));
      env.put("OTELGW_GRPC_ENDPOINT", "127.0.0.1:" + grpcPort);
      env.put("OTELGW_HTTP_ENDPOINT", "127.0.0.1:" + httpPort);
      env.put("OTELGW_METRICS_ADDRESS", "127.0.0.1:" + metricsPort);
      env.put("SINK_GRPC_ENDPOINT", "127.0.0.1:" + sinkGrpc);
      env.put("SINK_HTTP_ENDPOINT", "127.0.0.1:" + sinkHttp);
      env.put(
          "OTELGW_EXPORTER", scenario.protocol().equals("grpc") ? "otlp/sink" : "otlphttp/sink");
      ports = new int[] {grpcPort, httpPort};
    }
    Files.writeString(
        log,
        "=== " + scenario.name() + " #" + repetition + ": " + String.join(" ", command) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    byte[] request = RealisticSpans.requestBytes(scenario.spansPerRequest());
    Map<String, Object> record = new LinkedHashMap<>();
    try (TargetProcess target = TargetProcess.start(command, env, log)) {
      target.awaitListening(Duration.ofSeconds(30), ports);
      String flags = vmFlagsSeen.computeIfAbsent(scenario.target(), t -> vmFlags(target));
      sink.answerAfter(Duration.ofMillis(scenario.backendDelayMillis()));
      long sunk0 = sink.spans();
      Driver.Measured measured;
      try (LoadClient client =
          scenario.protocol().equals("grpc")
              ? new GrpcLoadClient(grpcPort, connections)
              : new HttpLoadClient(httpPort)) {
        Driver driver = new Driver(client, request, scenario.spansPerRequest());
        measured =
            driver.run(target.pid(), scenario.spansPerSecond(), concurrency, warmup, duration);
      }
      // Steady state, apart from the peak, which a JIT-cold start may set.
      long endRss = ProcStats.rssBytes(target.pid());
      String selfMetrics = scenario.isRelay() ? "" : selfMetrics(metricsPort);
      long received = awaitSink(sink, sunk0, measured.ackedSpansTotal());
      long peakRss = ProcStats.peakRssBytes(target.pid());
      long heapAfterGc = target.heapAfterGcBytes();
      double cpuSeconds = measured.targetCpuTicks() / (double) ProcStats.CLOCK_TICKS_PER_SECOND;
      double spansPerSecond = measured.ackedSpansInWindow() / measured.windowSeconds();
      record.put("scenario", scenario.name());
      record.put("repeat", repetition);
      record.put("target", scenario.target());
      record.put("protocol", scenario.protocol());
      record.put("backend_delay_ms", scenario.backendDelayMillis());
      record.put("load", scenario.load());
      record.put("spans_per_request", scenario.spansPerRequest());
      record.put("request_bytes", request.length);
      record.put("window_s", measured.windowSeconds());
      record.put("spans_per_s", spansPerSecond);
      record.put("target_cpu_s", cpuSeconds);
      record.put(
          "spans_per_cpu_s", cpuSeconds > 0 ? measured.ackedSpansInWindow() / cpuSeconds : null);
      record.put("target_cores", cpuSeconds / measured.windowSeconds());
      record.put(
          "generator_cores",
          measured.generatorCpuTicks()
              / (double) ProcStats.CLOCK_TICKS_PER_SECOND
              / measured.windowSeconds());
      record.put("p50_ms", measured.p50Millis());
      record.put("p99_ms", measured.p99Millis());
      record.put("max_ms", measured.maxMillis());
      record.put("latency_samples", measured.latencySamples());
      record.put("peak_rss_mib", peakRss / 1048576.0);
      record.put("end_rss_mib", endRss / 1048576.0);
      record.put("heap_after_gc_mib", heapAfterGc / 1048576.0);
      record.put("acked_spans", measured.ackedSpansTotal());
      record.put("received_spans", received);
      record.put("lost_spans", measured.ackedSpansTotal() - received);
      record.put("refused_requests", measured.refusedRequests());
      record.put("failed_requests", measured.failedRequests());
      record.put("skipped_requests", measured.skippedRequests());
      record.put("self_metrics", selfMetrics);
      record.put("command", String.join(" ", command));
      record.put("vm_flags", flags);
      record.put("java", System.getProperty("java.vm.version"));
    }
    return record;
  }

  /** Waits until the sink has received every acknowledged span, or until it stops receiving. */
  private static long awaitSink(Sink sink, long before, long acked) throws InterruptedException {
    long last = -1;
    long stableSince = System.nanoTime();
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      long received = sink.spans() - before;
      if (received >= acked) {
        return received;
      }
      if (received != last) {
        last = received;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > Duration.ofSeconds(5).toNanos()) {
        return received;
      }
      Thread.sleep(20);
    }
    return sink.spans() - before;
  }

  /** otelgw's own gauges and refusal counters as the load stopped, for reading a run after. */
  private static String selfMetrics(int port) {
    try {
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      StringBuilder kept = new StringBuilder();
      for (String line : response.body().split("\n")) {
        if (!line.startsWith("#")
            && (line.startsWith("otelgw_memory_limiter")
                || line.startsWith("otelgw_ring")
                || line.startsWith("otelcol_exporter_queue_size")
                || line.startsWith("otelcol_receiver_refused")
                || line.startsWith("otelgw_dropped"))) {
          kept.append(line).append("; ");
        }
      }
      return kept.toString();
    } catch (IOException e) {
      return "unavailable: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unavailable";
    }
  }

  private static String vmFlags(TargetProcess target) {
    try {
      return target.vmFlags();
    } catch (IOException e) {
      return "unknown: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static Path ownJar() throws Exception {
    return Path.of(LoadTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Duration seconds(String value) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value.replace("s", "")) * 1000));
  }

  private static void usage(String problem) {
    System.err.println("load test: " + problem);
    System.err.println(
        "usage: LoadTest [--otelgw-jar PATH] [--launcher PATH] [--configs DIR] [--out DIR] [--warmup 30s]"
            + " [--duration 15s] [--repeat N] [--only REGEX] [--jvm-flags FLAGS]"
            + " [--connections N] [--concurrency N] | --summarize RESULTS.jsonl");
    System.exit(2);
  }
}
