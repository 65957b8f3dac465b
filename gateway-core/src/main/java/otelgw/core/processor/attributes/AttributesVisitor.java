package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import otelgw.core.otlp.walk.RequestVisitor;
import otelgw.core.otlp.walk.Site;

/**
 * Applies the actions, in order, to the attributes of spans, log records and metric data points,
 * where the Collector's attributes processor applies them; other attribute lists pass untouched.
 */
final class AttributesVisitor implements RequestVisitor {

  private final List<Action> actions;
  private final AttributeEditor editor = new AttributeEditor();

  AttributesVisitor(List<Action> actions) {
    this.actions = List.copyOf(actions);
  }

  @Override
  public List<KeyValue> attributes(Site site, List<KeyValue> attributes) {
    if (site != Site.SPAN && site != Site.LOG_RECORD && site != Site.DATA_POINT) {
      return attributes;
    }
    editor.reset(attributes);
    for (Action action : actions) {
      action.apply(editor);
    }
    return editor.result();
  }
}
