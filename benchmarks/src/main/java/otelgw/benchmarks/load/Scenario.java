package otelgw.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One load-test run's setup: what is measured ({@code relay} or an otelgw config in {@code
 * benchmarks/configs}), over which protocol, at which rate, with requests of how many spans.
 *
 * @param target {@code relay}, or the name of a config file without {@code .yaml}
 * @param protocol {@code grpc} or {@code http}
 * @param spansPerSecond the fixed rate, or 0 for the maximum rate
 * @param spansPerRequest spans in each request
 * @param backendDelayMillis how long the sink waits before it answers each request: 0 for a backend
 *     beside the gateway, more for one across a network
 */
record Scenario(
    String target,
    String protocol,
    long spansPerSecond,
    int spansPerRequest,
    int backendDelayMillis) {

  static final String RELAY = "relay";
  static final List<String> CONFIGS =
      List.of("passthrough", "limiter-batch", "limiter-redaction5-batch");
  static final long[] RATES = {10_000, 100_000, 0};

  /** Every run of a full load test, the relay's first. */
  static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    for (long rate : RATES) {
      all.add(new Scenario(RELAY, "grpc", rate, 100, 0));
    }
    for (String config : CONFIGS) {
      for (String protocol : List.of("grpc", "http")) {
        for (long rate : RATES) {
          all.add(new Scenario(config, protocol, rate, 100, 0));
        }
      }
    }
    // The latency target: 512-span requests at 10,000 spans/s.
    all.add(new Scenario(RELAY, "grpc", 10_000, 512, 0));
    all.add(new Scenario("limiter-batch", "grpc", 10_000, 512, 0));
    // A backend 50 ms away: each export call takes that long however small it is.
    all.add(new Scenario(RELAY, "grpc", 100_000, 100, 50));
    all.add(new Scenario("limiter-batch", "grpc", 100_000, 100, 50));
    return all;
  }

  boolean isRelay() {
    return target.equals(RELAY);
  }

  String load() {
    return spansPerSecond == 0 ? "max" : spansPerSecond / 1000 + "k/s";
  }

  /** e.g. {@code limiter-batch grpc 100k/s x100}, or {@code ... x100 backend+50ms}. */
  String name() {
    String name = target + " " + protocol + " " + load() + " x" + spansPerRequest;
    return backendDelayMillis == 0 ? name : name + " backend+" + backendDelayMillis + "ms";
  }
}
