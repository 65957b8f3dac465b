package otelgw.exporter.debug;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;

/** Log records as the debug exporter writes them. */
final class LogText implements SignalText<ExportLogsServiceRequest> {

  @Override
  public String summary(ExportLogsServiceRequest request) {
    long records = 0;
    for (ResourceLogs resource : request.getResourceLogsList()) {
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        records += scope.getLogRecordsCount();
      }
    }
    return "logs: "
        + ValueText.count(records, "log record", "log records")
        + ", "
        + ValueText.count(request.getResourceLogsCount(), "resource", "resources");
  }

  @Override
  public void normal(ExportLogsServiceRequest request, Lines out) {
    for (ResourceLogs resource : request.getResourceLogsList()) {
      Envelope.resource(out, 0, resource.getResource(), resource.getSchemaUrl(), false);
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        for (LogRecord record : scope.getLogRecordsList()) {
          out.add(
              2,
              "log "
                  + severity(record)
                  + " "
                  + ValueText.value(record.getBody())
                  + (record.getTraceId().isEmpty()
                      ? ""
                      : " trace_id=" + ValueText.hex(record.getTraceId())));
        }
      }
    }
  }

  @Override
  public void detailed(ExportLogsServiceRequest request, Lines out) {
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs resource = request.getResourceLogs(r);
      Envelope.resource(out, r, resource.getResource(), resource.getSchemaUrl(), true);
      for (int s = 0; s < resource.getScopeLogsCount(); s++) {
        ScopeLogs scope = resource.getScopeLogs(s);
        Envelope.scope(out, s, scope.getScope(), scope.getSchemaUrl());
        for (int i = 0; i < scope.getLogRecordsCount(); i++) {
          record(out, i, scope.getLogRecords(i));
        }
      }
    }
  }

  private static void record(Lines out, int index, LogRecord record) {
    out.add(2, "log #" + index);
    out.add(3, "time: " + ValueText.time(record.getTimeUnixNano()));
    out.add(3, "observed_time: " + ValueText.time(record.getObservedTimeUnixNano()));
    out.add(3, "severity: " + severity(record) + " (" + record.getSeverityNumberValue() + ")");
    if (!record.getEventName().isEmpty()) {
      out.add(3, "event_name: " + record.getEventName());
    }
    out.add(3, "body: " + ValueText.value(record.getBody()));
    out.add(
        3,
        "attributes: "
            + ValueText.attributes(record.getAttributesList())
            + Envelope.dropped(record.getDroppedAttributesCount()));
    if (!record.getTraceId().isEmpty()) {
      out.add(3, "trace_id: " + ValueText.hex(record.getTraceId()));
    }
    if (!record.getSpanId().isEmpty()) {
      out.add(3, "span_id: " + ValueText.hex(record.getSpanId()));
    }
    if (record.getFlags() != 0) {
      out.add(3, "flags: 0x" + Integer.toHexString(record.getFlags()));
    }
  }

  /** The severity text if the record has one, else the name of its number, else {@code UNSET}. */
  private static String severity(LogRecord record) {
    if (!record.getSeverityText().isEmpty()) {
      return record.getSeverityText();
    }
    SeverityNumber number = record.getSeverityNumber();
    if (number == SeverityNumber.UNRECOGNIZED) {
      return "SEVERITY_" + record.getSeverityNumberValue();
    }
    if (number == SeverityNumber.SEVERITY_NUMBER_UNSPECIFIED) {
      return "UNSET";
    }
    return number.name().substring("SEVERITY_NUMBER_".length());
  }
}
