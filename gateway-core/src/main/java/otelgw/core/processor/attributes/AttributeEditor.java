package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An attribute list being edited by the actions, copied on the first change only, so a list no
 * action touches is handed back as it came. Reused from list to list; not thread-safe.
 */
final class AttributeEditor {

  private List<KeyValue> original = List.of();
  private List<KeyValue> copy;

  void reset(List<KeyValue> attributes) {
    original = attributes;
    copy = null;
  }

  /** The edited list: the original where nothing changed. */
  List<KeyValue> result() {
    List<KeyValue> result = copy == null ? original : copy;
    reset(List.of());
    return result;
  }

  int size() {
    return view().size();
  }

  KeyValue get(int index) {
    return view().get(index);
  }

  /** The index of the first attribute named {@code key}, or -1. */
  int indexOf(String key) {
    List<KeyValue> view = view();
    for (int i = 0, n = view.size(); i < n; i++) {
      if (view.get(i).getKey().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  void set(int index, KeyValue attribute) {
    writable().set(index, attribute);
  }

  void add(KeyValue attribute) {
    writable().add(attribute);
  }

  void remove(int index) {
    writable().remove(index);
  }

  private List<KeyValue> view() {
    return copy == null ? original : copy;
  }

  private List<KeyValue> writable() {
    if (copy == null) {
      copy = new ArrayList<>(original);
    }
    return copy;
  }
}
