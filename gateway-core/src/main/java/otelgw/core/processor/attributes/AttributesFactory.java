package otelgw.core.processor.attributes;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import otelgw.config.ConfigNode;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.component.Stability;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.regex.MatchBudget;

/**
 * Makes {@code attributes} processors: insert, update, upsert, delete, hash, extract and convert
 * attributes of spans, log records and metric data points. See {@link AttributesConfig}.
 *
 * <p>Regexes are guarded (see {@link otelgw.core.regex.GuardedPattern}); a match given up as too
 * costly is counted as {@code otelgw.attributes.regex_aborts{processor, action}}, where action is
 * {@code actions[i]}.
 */
public final class AttributesFactory implements ProcessorFactory<AttributesConfig> {

  static final String REGEX_ABORTS = "otelgw.attributes.regex_aborts";

  @Override
  public String type() {
    return "attributes";
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public Set<Signal> signals() {
    return EnumSet.allOf(Signal.class);
  }

  @Override
  public AttributesConfig parseConfig(ConfigNode node) {
    return AttributesConfig.parse(node);
  }

  @Override
  public <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, AttributesConfig config, BatchConsumer<B> next) {
    MatchBudget budget = new MatchBudget();
    List<Action> actions = new ArrayList<>();
    int patterns = 0;
    for (int i = 0; i < config.actions().size(); i++) {
      ActionConfig action = config.actions().get(i);
      Counter aborts = null;
      if (!action.pattern().isEmpty()) {
        patterns++;
        aborts =
            Counter.builder(REGEX_ABORTS)
                .description("Regex matches the attributes processor gave up as too costly.")
                .tag("processor", settings.id().toString())
                .tag("action", "actions[" + i + "]")
                .register(settings.meters());
      }
      actions.add(
          switch (action.action()) {
            case INSERT, UPDATE, UPSERT -> new SetAction(action);
            case DELETE -> new DeleteAction(new KeyMatcher(action, budget, aborts));
            case HASH -> new HashAction(new KeyMatcher(action, budget, aborts));
            case EXTRACT -> new ExtractAction(action, budget, aborts);
            case CONVERT -> new ConvertAction(action);
          });
    }
    return new AttributesProcessor<>(next, new AttributesVisitor(actions), budget, patterns);
  }

  @Override
  public String summary(AttributesConfig config) {
    return config.actions().size() + " actions";
  }
}
