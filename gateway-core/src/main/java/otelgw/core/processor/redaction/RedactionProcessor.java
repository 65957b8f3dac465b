package otelgw.core.processor.redaction;

import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.otlp.walk.RequestWalker;
import otelgw.core.regex.MatchBudget;

/**
 * Redacts each batch in place and passes it on. A batch in which nothing matched is not updated, so
 * its original bytes are forwarded; with a config that can change nothing (all keys allowed, no key
 * or value rules, no summary) batches are not even looked at. A batch still in its wire bytes is
 * screened in them, and only the resources, scopes and records that may change are decoded and
 * encoded again (see {@link RedactionScreen}). Runs on the pipeline's ring consumer thread.
 */
final class RedactionProcessor<B extends Batch<?>> implements Processor<B> {

  private final BatchConsumer<B> next;
  private final Redactor redactor;
  private final MatchBudget budget;
  private final int patterns;
  private final boolean changesNothing;

  RedactionProcessor(
      BatchConsumer<B> next, Redactor redactor, MatchBudget budget, RedactionConfig config) {
    this.next = next;
    this.redactor = redactor;
    this.budget = budget;
    this.patterns =
        config.blockedValues().size()
            + config.allowedValues().size()
            + config.blockedKeyPatterns().size()
            + config.ignoredKeyPatterns().size();
    this.changesNothing =
        config.allowAllKeys()
            && config.blockedKeyPatterns().isEmpty()
            && config.blockedValues().isEmpty()
            && config.detectors().isEmpty()
            && config.summary() == Summary.SILENT;
  }

  @Override
  public void consume(B batch) {
    if (!changesNothing) {
      budget.reset(batch.byteSize(), patterns);
      RequestWalker.rewrite(batch, redactor);
    }
    next.consume(batch);
  }

  @Override
  public boolean mutatesData() {
    return true;
  }
}
