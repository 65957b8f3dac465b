package otelgw.core.processor.redaction;

import java.util.EnumSet;
import java.util.Locale;
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
 * Makes {@code redaction} processors: remove attributes whose keys are not allowed, and mask
 * sensitive values (by regex or built-in detector) everywhere a request carries user data, in all
 * three signals. See {@link RedactionConfig} for the keys.
 *
 * <p>Counts each redaction as {@code otelgw.redaction.redactions{processor, rule}} and each regex
 * given up as too costly as {@code otelgw.redaction.regex_aborts{processor, rule}}.
 */
public final class RedactionFactory implements ProcessorFactory<RedactionConfig> {

  @Override
  public String type() {
    return "redaction";
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
  public RedactionConfig parseConfig(ConfigNode node) {
    return RedactionConfig.parse(node);
  }

  @Override
  public <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, RedactionConfig config, BatchConsumer<B> next) {
    RedactionMeters meters = new RedactionMeters(settings.meters(), settings.id().toString());
    MatchBudget budget = new MatchBudget();
    Masker masker = new Masker(config.hashFunction(), config.hmacKey());
    Redactor redactor =
        new Redactor(
            config,
            new KeyRules(config, budget, meters),
            new ValueRules(config, masker, budget, meters),
            masker,
            budget,
            meters);
    return new RedactionProcessor<>(next, redactor, budget, config);
  }

  @Override
  public String summary(RedactionConfig config) {
    String keys =
        config.allowAllKeys()
            ? "all keys allowed"
            : config.allowedKeys().size() + " allowed keys (others removed)";
    String hash =
        config.hashFunction() == HashFunction.NONE ? "****" : config.hashFunction().configName();
    return keys
        + ", "
        + config.blockedValues().size()
        + " blocked value patterns, detectors "
        + config.detectors().stream().map(Detector::configName).sorted().toList()
        + ", masked with "
        + hash
        + ", summary "
        + config.summary().name().toLowerCase(Locale.ROOT);
  }
}
