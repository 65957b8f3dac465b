package otelgw.core.exporterhelper;

import java.util.function.Predicate;
import otelgw.config.QueueSettings.Merging;
import otelgw.core.batch.Batch;

/**
 * What is left of one merged request's caps, starting from the batch a consumer took first (which
 * goes out even when it alone is over them).
 */
final class MergeBudget<B extends Batch<?>> implements Predicate<B> {

  private long items;
  private long bytes;

  MergeBudget(Merging merging, B first) {
    this.items = merging.maxItems() - first.itemCount();
    this.bytes = merging.maxBytes() - first.byteSize();
  }

  /** Whether {@code next} fits in what is left; if so, it is counted as taken. */
  @Override
  public boolean test(B next) {
    if (next.itemCount() > items || next.byteSize() > bytes) {
      return false;
    }
    items -= next.itemCount();
    bytes -= next.byteSize();
    return true;
  }
}
