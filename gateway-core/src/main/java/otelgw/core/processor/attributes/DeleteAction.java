package otelgw.core.processor.attributes;

/** {@code delete}: removes every attribute whose key the action takes, duplicates included. */
final class DeleteAction implements Action {

  private final KeyMatcher keys;

  DeleteAction(KeyMatcher keys) {
    this.keys = keys;
  }

  @Override
  public void apply(AttributeEditor attributes) {
    for (int i = attributes.size() - 1; i >= 0; i--) {
      if (keys.matches(attributes.get(i).getKey())) {
        attributes.remove(i);
      }
    }
  }
}
