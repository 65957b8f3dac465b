package otelgw.app.status;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import otelgw.app.status.Health.Depth;
import otelgw.core.telemetry.GatewayStatus;
import otelgw.core.telemetry.SendHealth;

/**
 * The health endpoints' bodies. The full check starts with the Collector's own three fields ({@code
 * status}, {@code upSince}, {@code uptime}), so a script written for the Collector's {@code
 * health_check} reads it, then says why, per pipeline and component.
 */
final class HealthJson {

  private HealthJson() {}

  /** The full check: everything that affects health, per pipeline and component. */
  static byte[] full(Health health, Duration window) {
    GatewayStatus status = health.status();
    return JsonBody.object(
        json -> {
          json.writeStringField(
              "status", health.healthy() ? "Server available" : "Server not available");
          JsonBody.instant(json, "upSince", status.startedAt());
          json.writeStringField(
              "uptime",
              status.startedAt().map(t -> uptime(Duration.between(t, status.time()))).orElse("0s"));
          json.writeBooleanField("healthy", health.healthy());
          json.writeBooleanField("ready", health.ready());
          json.writeBooleanField("live", health.live());
          json.writeStringField("state", JsonBody.state(status));
          reasons(json, health, Depth.HEALTHY);
          json.writeObjectFieldStart("pipelines");
          for (GatewayStatus.Pipeline pipeline : status.pipelines()) {
            pipeline(json, pipeline, status, window);
          }
          json.writeEndObject();
        });
  }

  /** A probe's body: its verdict, the state, and the reasons that fail it. */
  static byte[] probe(Health health, Depth depth) {
    return JsonBody.object(
        json -> {
          json.writeBooleanField(depth.name().toLowerCase(Locale.ROOT), health.passes(depth));
          json.writeStringField("state", JsonBody.state(health.status()));
          reasons(json, health, depth);
        });
  }

  private static void pipeline(
      JsonGenerator json, GatewayStatus.Pipeline pipeline, GatewayStatus status, Duration window)
      throws IOException {
    Verdict ring = Verdict.of(pipeline.ring(), status.state());
    List<Verdict> processors = pipeline.processors().stream().map(Verdict::of).toList();
    List<Verdict> exporters =
        pipeline.exporters().stream().map(e -> Verdict.of(e, window, status.time())).toList();
    boolean healthy =
        ring.healthy()
            && processors.stream().allMatch(Verdict::healthy)
            && exporters.stream().allMatch(Verdict::healthy);
    json.writeObjectFieldStart(pipeline.id().toString());
    json.writeBooleanField("healthy", healthy);
    json.writeObjectFieldStart("components");
    for (GatewayStatus.Receiver receiver : pipeline.receivers()) {
      verdict(json, "receiver:" + receiver.id(), Verdict.OK, () -> {});
    }
    verdict(
        json,
        "ring",
        ring,
        () -> {
          json.writeNumberField("used", pipeline.ring().used());
          json.writeNumberField("capacity", pipeline.ring().capacity());
        });
    for (int i = 0; i < processors.size(); i++) {
      verdict(json, "processor:" + pipeline.processors().get(i).id(), processors.get(i), () -> {});
    }
    for (int i = 0; i < exporters.size(); i++) {
      GatewayStatus.Exporter exporter = pipeline.exporters().get(i);
      verdict(
          json,
          "exporter:" + exporter.id(),
          exporters.get(i),
          () -> sendHealth(json, exporter.health()));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** An exporter's recent outcomes, for the status page too. */
  static void sendHealth(JsonGenerator json, SendHealth health) throws IOException {
    JsonBody.instant(json, "last_success", health.lastSuccess());
    JsonBody.instant(json, "last_failure", health.lastFailure());
    JsonBody.instant(json, "failing_since", health.failingSince());
    JsonBody.string(json, "last_error", health.lastError());
  }

  private static void verdict(JsonGenerator json, String key, Verdict verdict, JsonBody.Fields more)
      throws IOException {
    json.writeObjectFieldStart(key);
    json.writeBooleanField("healthy", verdict.healthy());
    json.writeStringField("status", verdict.status());
    if (!verdict.reason().isEmpty()) {
      json.writeStringField("reason", verdict.reason());
    }
    more.write();
    json.writeEndObject();
  }

  private static void reasons(JsonGenerator json, Health health, Depth depth) throws IOException {
    json.writeArrayFieldStart("reasons");
    for (String reason : health.reasons(depth)) {
      json.writeString(reason);
    }
    json.writeEndArray();
  }

  /** Like the Collector's: {@code 1h2m3.5s}. */
  private static String uptime(Duration duration) {
    StringBuilder text = new StringBuilder();
    if (duration.toHours() > 0) {
      text.append(duration.toHours()).append('h');
    }
    if (duration.toMinutesPart() > 0 || duration.toHours() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    text.append(duration.toSecondsPart());
    int millis = duration.toMillisPart();
    if (millis > 0) {
      text.append('.').append(String.format(Locale.ROOT, "%03d", millis));
    }
    return text.append('s').toString();
  }
}
