package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.Signal;
import otelgw.core.batch.LogBatch;
import otelgw.core.batch.MetricBatch;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Extensions;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.pipeline.Ingress;
import otelgw.core.pipeline.Ingresses;

/** An OTLP receiver started on free ports, publishing into sinks; closing shuts it down. */
final class RunningReceiver implements AutoCloseable {

  static final String BOTH_PROTOCOLS =
      """
      protocols:
        grpc: { endpoint: "127.0.0.1:0" }
        http: { endpoint: "127.0.0.1:0" }
      """;

  final SinkIngress<TraceBatch> traces = new SinkIngress<>();
  final SinkIngress<MetricBatch> metrics = new SinkIngress<>();
  final SinkIngress<LogBatch> logs = new SinkIngress<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final OtlpReceiver receiver;

  private RunningReceiver(String yaml, Set<Signal> pipelines, Extensions extensions)
      throws Exception {
    ComponentId id = ComponentId.parse("otlp");
    Map<Signal, Ingress<?>> ingresses = new EnumMap<>(Signal.class);
    if (pipelines.contains(Signal.TRACES)) {
      ingresses.put(Signal.TRACES, traces);
    }
    if (pipelines.contains(Signal.METRICS)) {
      ingresses.put(Signal.METRICS, metrics);
    }
    if (pipelines.contains(Signal.LOGS)) {
      ingresses.put(Signal.LOGS, logs);
    }
    ReceiverSettings settings =
        new ReceiverSettings(id, Ingresses.of(id, ingresses, meters), meters, extensions);
    receiver = (OtlpReceiver) new OtlpReceiverFactory().createReceiver(settings, parse(yaml));
    receiver.start();
  }

  static RunningReceiver start() throws Exception {
    return start(BOTH_PROTOCOLS);
  }

  /** Both protocols on free ports, each with the {@code tls} block (a YAML flow mapping). */
  static RunningReceiver startWithTls(String tls) throws Exception {
    return start(
        "protocols:\n"
            + "  grpc: { endpoint: \"127.0.0.1:0\", tls: "
            + tls
            + " }\n"
            + "  http: { endpoint: \"127.0.0.1:0\", tls: "
            + tls
            + " }\n");
  }

  static RunningReceiver start(String yaml) throws Exception {
    return new RunningReceiver(yaml, EnumSet.allOf(Signal.class), Extensions.none());
  }

  /** A receiver whose config may name the given extensions, such as an authenticator. */
  static RunningReceiver start(String yaml, Extensions extensions) throws Exception {
    return new RunningReceiver(yaml, EnumSet.allOf(Signal.class), extensions);
  }

  static RunningReceiver startWithPipelinesFor(Set<Signal> pipelines) throws Exception {
    return new RunningReceiver(BOTH_PROTOCOLS, pipelines, Extensions.none());
  }

  static OtlpReceiverConfig parse(String yaml) {
    ConfigProblems problems = new ConfigProblems();
    OtlpReceiverConfig config =
        new OtlpReceiverFactory().parseConfig(ConfigNode.parse(yaml, "receivers.otlp", problems));
    assertThat(problems.all()).isEmpty();
    return config;
  }

  /** The sum of a counter of this receiver across its tags, or 0 when none is registered. */
  double counter(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  int grpcPort() {
    return receiver.grpcAddress().getPort();
  }

  int httpPort() {
    return receiver.httpAddress().getPort();
  }

  String grpcEndpoint() {
    return "http://127.0.0.1:" + grpcPort();
  }

  URI httpUri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort() + path);
  }

  @Override
  public void close() {
    receiver.shutdown(Duration.ofSeconds(5));
  }
}
