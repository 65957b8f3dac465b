package otelgw.core.otlp.walk;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.ArrayList;
import java.util.List;

/** The parts every signal's request shares, and walking a list copy-on-write. */
final class Parts {

  private Parts() {}

  /** Walks one element of a list; a static method reference, so that no lambda is allocated. */
  @FunctionalInterface
  interface Step<T> {
    T walk(T element, RequestVisitor visitor);
  }

  /** The list with each element walked, or {@code list} itself when no element changed. */
  static <T> List<T> each(List<T> list, RequestVisitor visitor, Step<T> step) {
    List<T> copy = null;
    for (int i = 0, n = list.size(); i < n; i++) {
      T element = list.get(i);
      T walked = step.walk(element, visitor);
      if (copy == null && walked != element) {
        copy = new ArrayList<>(n);
        copy.addAll(list.subList(0, i));
      }
      if (copy != null) {
        copy.add(walked);
      }
    }
    return copy == null ? list : copy;
  }

  static Resource resource(Resource resource, RequestVisitor visitor) {
    List<KeyValue> attributes = resource.getAttributesList();
    List<KeyValue> walked = visitor.attributes(Site.RESOURCE, attributes);
    if (walked == attributes) {
      return resource;
    }
    return resource.toBuilder().clearAttributes().addAllAttributes(walked).build();
  }

  static InstrumentationScope scope(InstrumentationScope scope, RequestVisitor visitor) {
    List<KeyValue> attributes = scope.getAttributesList();
    List<KeyValue> walked = visitor.attributes(Site.SCOPE, attributes);
    if (walked == attributes) {
      return scope;
    }
    return scope.toBuilder().clearAttributes().addAllAttributes(walked).build();
  }
}
