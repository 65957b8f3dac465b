package otelgw.receiver.otlp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which signal is posted to which path. Immutable. */
final class HttpRoutes {

  private final Map<String, SignalIntake<?, ?>> byPath = new HashMap<>();
  private final String paths;

  HttpRoutes(OtlpHttpConfig config, List<SignalIntake<?, ?>> intakes) {
    for (SignalIntake<?, ?> intake : intakes) {
      byPath.put(config.urlPath(intake.signal()), intake);
    }
    this.paths =
        intakes.stream()
            .map(intake -> config.urlPath(intake.signal()))
            .collect(Collectors.joining(", "));
  }

  /** The intake for a request target ({@code /v1/traces?x=y}), or null. */
  SignalIntake<?, ?> find(String requestTarget) {
    return byPath.get(pathOf(requestTarget));
  }

  /** The paths served, for messages: {@code /v1/traces, /v1/metrics, /v1/logs}. */
  String paths() {
    return paths;
  }

  private static String pathOf(String target) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (path.startsWith("/")) {
      return path;
    }
    // The absolute form, http://host:4318/v1/traces, which proxies send.
    try {
      String raw = new URI(path).getRawPath();
      return raw == null ? path : raw;
    } catch (URISyntaxException e) {
      return path;
    }
  }
}
