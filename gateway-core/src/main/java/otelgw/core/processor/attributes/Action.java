package otelgw.core.processor.attributes;

/** One configured action, ready to apply to attribute lists. Not thread-safe. */
interface Action {

  void apply(AttributeEditor attributes);
}
