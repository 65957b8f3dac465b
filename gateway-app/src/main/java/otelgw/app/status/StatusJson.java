package otelgw.app.status;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import otelgw.app.status.Health.Depth;
import otelgw.config.PipelineId;
import otelgw.core.telemetry.GatewayStatus;

/**
 * The body of {@code /status}: the verdicts of the health check, then each pipeline hop by hop
 * (receivers, ring, processors, exporters) with counts since start and per-second rates over the
 * last sampling interval ({@code null} until there are two samples).
 */
final class StatusJson {

  private StatusJson() {}

  static byte[] write(Health health, Rates rates, Duration window) {
    GatewayStatus status = health.status();
    return JsonBody.object(
        json -> {
          json.writeStringField("time", status.time().toString());
          json.writeStringField("state", JsonBody.state(status));
          JsonBody.instant(json, "up_since", status.startedAt());
          json.writeBooleanField("healthy", health.healthy());
          json.writeBooleanField("ready", health.ready());
          json.writeBooleanField("live", health.live());
          json.writeArrayFieldStart("reasons");
          for (String reason : health.reasons(Depth.HEALTHY)) {
            json.writeString(reason);
          }
          json.writeEndArray();
          json.writeNumberField("exporter_failure_window_seconds", window.toMillis() / 1000.0);
          if (rates.interval().isPresent()) {
            json.writeNumberField(
                "rate_interval_seconds", rates.interval().get().toMillis() / 1000.0);
          } else {
            json.writeNullField("rate_interval_seconds");
          }
          json.writeArrayFieldStart("pipelines");
          for (GatewayStatus.Pipeline pipeline : status.pipelines()) {
            pipeline(json, pipeline, status, rates, window);
          }
          json.writeEndArray();
        });
  }

  private static void pipeline(
      JsonGenerator json,
      GatewayStatus.Pipeline pipeline,
      GatewayStatus status,
      Rates rates,
      Duration window)
      throws IOException {
    PipelineId id = pipeline.id();
    json.writeStartObject();
    json.writeStringField("id", id.toString());
    json.writeStringField("items", id.signal().itemName());

    json.writeArrayFieldStart("receivers");
    for (GatewayStatus.Receiver receiver : pipeline.receivers()) {
      String component = "receiver:" + receiver.id();
      json.writeStartObject();
      json.writeStringField("id", receiver.id().toString());
      verdict(json, Verdict.OK);
      json.writeNumberField("received", receiver.accepted());
      json.writeNumberField("refused", receiver.refused());
      perSecond(json, rates, id, component, "received", "refused");
      json.writeEndObject();
    }
    json.writeEndArray();

    json.writeObjectFieldStart("ring");
    verdict(json, Verdict.of(pipeline.ring(), status.state()));
    json.writeNumberField("used", pipeline.ring().used());
    json.writeNumberField("capacity", pipeline.ring().capacity());
    json.writeEndObject();

    json.writeArrayFieldStart("processors");
    for (GatewayStatus.Processor processor : pipeline.processors()) {
      String component = "processor:" + processor.id();
      json.writeStartObject();
      json.writeStringField("id", processor.id().toString());
      verdict(json, Verdict.of(processor));
      json.writeNumberField("incoming", processor.incoming());
      json.writeNumberField("outgoing", processor.outgoing());
      perSecond(json, rates, id, component, "incoming", "outgoing");
      json.writeEndObject();
    }
    json.writeEndArray();

    json.writeArrayFieldStart("exporters");
    for (GatewayStatus.Exporter exporter : pipeline.exporters()) {
      String component = "exporter:" + exporter.id();
      json.writeStartObject();
      json.writeStringField("id", exporter.id().toString());
      verdict(json, Verdict.of(exporter, window, status.time()));
      Optional<GatewayStatus.Queue> queue = exporter.queue();
      if (queue.isPresent()) {
        json.writeNumberField("queued", queue.get().size());
        json.writeNumberField("queue_capacity", queue.get().capacity());
      } else {
        json.writeNullField("queued");
        json.writeNullField("queue_capacity");
      }
      json.writeNumberField("exported", exporter.sent());
      json.writeNumberField("failed", Counts.failed(exporter));
      json.writeObjectFieldStart("dropped");
      for (Map.Entry<String, Long> dropped : exporter.dropped().entrySet()) {
        json.writeNumberField(dropped.getKey(), dropped.getValue());
      }
      json.writeEndObject();
      perSecond(json, rates, id, component, "exported", "failed");
      HealthJson.sendHealth(json, exporter.health());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void verdict(JsonGenerator json, Verdict verdict) throws IOException {
    json.writeStringField("status", verdict.status());
    json.writeBooleanField("healthy", verdict.healthy());
    JsonBody.string(json, "reason", verdict.reason());
  }

  private static void perSecond(
      JsonGenerator json, Rates rates, PipelineId pipeline, String component, String... counters)
      throws IOException {
    json.writeObjectFieldStart("per_second");
    for (String counter : counters) {
      Optional<Double> rate = rates.perSecond(Counts.key(pipeline, component, counter));
      if (rate.isPresent()) {
        json.writeNumberField(counter, Math.round(rate.get() * 100) / 100.0);
      } else {
        json.writeNullField(counter);
      }
    }
    json.writeEndObject();
  }
}
