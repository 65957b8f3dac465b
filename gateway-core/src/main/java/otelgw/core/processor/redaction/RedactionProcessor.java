package otelgw.core.processor.redaction;

import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.otlp.walk.RequestWalker;
import otelgw.core.regex.MatchBudget;

/**
 * Redacts each batch in place and passes it on. A batch in which nothing matched is not updated, so
 * its original bytes are forwarded. Runs on the pipeline's ring consumer thread.
 */
final class RedactionProcessor<B extends Batch<?>> implements Processor<B> {

  private final BatchConsumer<B> next;
  private final Redactor redactor;
  private final MatchBudget budget;
  private final int patterns;

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
  }

  @Override
  public void consume(B batch) {
    budget.reset(batch.byteSize(), patterns);
    RequestWalker.rewrite(batch, redactor);
    next.consume(batch);
  }

  @Override
  public boolean mutatesData() {
    return true;
  }
}
