package otelgw.core.processor.attributes;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.regex.MatchResult;
import otelgw.core.regex.GuardedPattern;
import otelgw.core.regex.MatchBudget;
import otelgw.core.regex.MatchTooCostlyException;

/**
 * {@code extract}: matches {@code pattern} in the string at {@code key} and upserts an attribute
 * per named group with what it captured (an empty string for a group that took no part). Group
 * names may be written the Go way, see {@link NamedGroups}. Only the first {@link
 * GuardedPattern#DEFAULT_INPUT_LIMIT} chars of the value are searched; a match given up as too
 * costly extracts nothing and is counted.
 */
final class ExtractAction implements Action {

  private final String key;
  private final GuardedPattern pattern;
  private final List<String> names;
  private final MatchBudget budget;
  private final Counter aborts;

  ExtractAction(ActionConfig config, MatchBudget budget, Counter aborts) {
    this.key = config.key();
    NamedGroups groups = NamedGroups.of(config.pattern());
    this.pattern = GuardedPattern.compile(groups.regex(), GuardedPattern.DEFAULT_INPUT_LIMIT);
    this.names = groups.names();
    this.budget = budget;
    this.aborts = aborts;
  }

  @Override
  public void apply(AttributeEditor attributes) {
    int index = attributes.indexOf(key);
    if (index < 0) {
      return;
    }
    AnyValue value = attributes.get(index).getValue();
    if (value.getValueCase() != AnyValue.ValueCase.STRING_VALUE) {
      return;
    }
    MatchResult match;
    try {
      match = pattern.firstMatch(value.getStringValue(), budget);
    } catch (MatchTooCostlyException e) {
      aborts.increment();
      return;
    }
    if (match == null) {
      return;
    }
    for (int group = 1; group <= names.size(); group++) {
      String captured = match.group(group);
      AnyValue extracted =
          AnyValue.newBuilder().setStringValue(captured == null ? "" : captured).build();
      String name = names.get(group - 1);
      int existing = attributes.indexOf(name);
      if (existing < 0) {
        attributes.add(KeyValue.newBuilder().setKey(name).setValue(extracted).build());
      } else if (!attributes.get(existing).getValue().equals(extracted)) {
        attributes.set(existing, KeyValue.newBuilder().setKey(name).setValue(extracted).build());
      }
    }
  }
}
