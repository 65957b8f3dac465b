package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * {@code insert}, {@code update} or {@code upsert}: sets {@code key} to a configured value or to
 * the value of another attribute, where the action applies; an absent source attribute does
 * nothing. Setting a value the attribute already has is no change.
 */
final class SetAction implements Action {

  private final ActionType type;
  private final String key;
  private final KeyValue constant;
  private final String fromAttribute;

  SetAction(ActionConfig config) {
    this.type = config.action();
    this.key = config.key();
    this.constant =
        config.value().map(v -> KeyValue.newBuilder().setKey(key).setValue(v).build()).orElse(null);
    this.fromAttribute = config.fromAttribute();
  }

  @Override
  public void apply(AttributeEditor attributes) {
    KeyValue update = constant;
    if (update == null) {
      int source = attributes.indexOf(fromAttribute);
      if (source < 0) {
        return;
      }
      update = attributes.get(source).toBuilder().setKey(key).build();
    }
    int index = attributes.indexOf(key);
    if (index < 0) {
      if (type != ActionType.UPDATE) {
        attributes.add(update);
      }
    } else if (type != ActionType.INSERT) {
      AnyValue current = attributes.get(index).getValue();
      if (!current.equals(update.getValue())) {
        attributes.set(index, update);
      }
    }
  }
}
