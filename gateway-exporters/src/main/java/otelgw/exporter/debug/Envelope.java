package otelgw.exporter.debug;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;

/** The resource and scope lines that head each signal's items, written alike for all three. */
final class Envelope {

  private Envelope() {}

  /** {@code resource {service.name="checkout"}}; detailed adds its index and schema URL. */
  static void resource(
      Lines out, int index, Resource resource, String schemaUrl, boolean detailed) {
    String attributes = ValueText.attributes(resource.getAttributesList());
    if (!detailed) {
      out.add(1, "resource " + attributes);
      return;
    }
    out.add(
        0,
        "resource #"
            + index
            + " "
            + attributes
            + (schemaUrl.isEmpty() ? "" : " schema_url=" + schemaUrl)
            + dropped(resource.getDroppedAttributesCount()));
  }

  /** {@code scope #0 io.opentelemetry.http 1.2.0 {...}}, for detailed output. */
  static void scope(Lines out, int index, InstrumentationScope scope, String schemaUrl) {
    StringBuilder line = new StringBuilder("scope #").append(index);
    line.append(' ').append(scope.getName().isEmpty() ? "(unnamed)" : scope.getName());
    if (!scope.getVersion().isEmpty()) {
      line.append(' ').append(scope.getVersion());
    }
    if (scope.getAttributesCount() > 0) {
      line.append(' ').append(ValueText.attributes(scope.getAttributesList()));
    }
    if (!schemaUrl.isEmpty()) {
      line.append(" schema_url=").append(schemaUrl);
    }
    out.add(1, line + dropped(scope.getDroppedAttributesCount()));
  }

  /** {@code " (2 attributes dropped)"}, or nothing when none were. */
  static String dropped(int attributes) {
    return attributes == 0
        ? ""
        : " (" + ValueText.count(attributes, "attribute", "attributes") + " dropped)";
  }
}
