package otelgw.core.processor.attributes;

import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.otlp.walk.RequestWalker;
import otelgw.core.regex.MatchBudget;

/**
 * Applies the actions to each batch and passes it on; a batch no action changed is not updated, so
 * its original bytes are forwarded. Runs on the pipeline's ring consumer thread.
 */
final class AttributesProcessor<B extends Batch<?>> implements Processor<B> {

  private final BatchConsumer<B> next;
  private final AttributesVisitor visitor;
  private final MatchBudget budget;
  private final int patterns;

  AttributesProcessor(
      BatchConsumer<B> next, AttributesVisitor visitor, MatchBudget budget, int patterns) {
    this.next = next;
    this.visitor = visitor;
    this.budget = budget;
    this.patterns = patterns;
  }

  @Override
  public void consume(B batch) {
    budget.reset(batch.byteSize(), patterns);
    RequestWalker.rewrite(batch, visitor);
    next.consume(batch);
  }

  @Override
  public boolean mutatesData() {
    return true;
  }
}
