package otelgw.core.otlp.walk;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;

/** Walks log requests: resource, scope and record attributes; bodies; event names. */
final class LogWalker implements RequestWalker<ExportLogsServiceRequest> {

  static final LogWalker INSTANCE = new LogWalker();

  private LogWalker() {}

  @Override
  public ExportLogsServiceRequest walk(ExportLogsServiceRequest request, RequestVisitor visitor) {
    List<ResourceLogs> resources = request.getResourceLogsList();
    List<ResourceLogs> walked = Parts.each(resources, visitor, LogWalker::resource);
    if (walked == resources) {
      return request;
    }
    return request.toBuilder().clearResourceLogs().addAllResourceLogs(walked).build();
  }

  private static ResourceLogs resource(ResourceLogs in, RequestVisitor visitor) {
    Resource resource = in.getResource();
    Resource walkedResource = Parts.resource(resource, visitor);
    List<ScopeLogs> scopes = in.getScopeLogsList();
    List<ScopeLogs> walkedScopes = Parts.each(scopes, visitor, LogWalker::scope);
    if (walkedResource == resource && walkedScopes == scopes) {
      return in;
    }
    ResourceLogs.Builder out = in.toBuilder();
    if (walkedResource != resource) {
      out.setResource(walkedResource);
    }
    if (walkedScopes != scopes) {
      out.clearScopeLogs().addAllScopeLogs(walkedScopes);
    }
    return out.build();
  }

  private static ScopeLogs scope(ScopeLogs in, RequestVisitor visitor) {
    InstrumentationScope scope = in.getScope();
    InstrumentationScope walkedScope = Parts.scope(scope, visitor);
    List<LogRecord> records = in.getLogRecordsList();
    List<LogRecord> walkedRecords = Parts.each(records, visitor, LogWalker::record);
    if (walkedScope == scope && walkedRecords == records) {
      return in;
    }
    ScopeLogs.Builder out = in.toBuilder();
    if (walkedScope != scope) {
      out.setScope(walkedScope);
    }
    if (walkedRecords != records) {
      out.clearLogRecords().addAllLogRecords(walkedRecords);
    }
    return out.build();
  }

  static LogRecord record(LogRecord in, RequestVisitor visitor) {
    LogRecord.Builder out = null;
    String eventName = in.getEventName();
    String walkedEventName = visitor.text(TextField.LOG_EVENT_NAME, eventName);
    if (walkedEventName != eventName) {
      out = in.toBuilder().setEventName(walkedEventName);
    }
    // The body goes just before the attributes: see RequestVisitor.
    if (in.hasBody()) {
      AnyValue body = in.getBody();
      AnyValue walkedBody = visitor.body(body);
      if (walkedBody != body) {
        out = out != null ? out : in.toBuilder();
        out.setBody(walkedBody);
      }
    }
    List<KeyValue> attributes = in.getAttributesList();
    List<KeyValue> walkedAttributes = visitor.attributes(Site.LOG_RECORD, attributes);
    if (walkedAttributes != attributes) {
      out = out != null ? out : in.toBuilder();
      out.clearAttributes().addAllAttributes(walkedAttributes);
    }
    return out == null ? in : out.build();
  }
}
