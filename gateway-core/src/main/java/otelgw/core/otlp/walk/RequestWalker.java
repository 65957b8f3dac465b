package otelgw.core.otlp.walk;

import com.google.protobuf.Message;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;

/**
 * Takes a {@link RequestVisitor} to every attribute list, free-text field and log body of one
 * signal's export request, and builds the request anew only along the paths where the visitor
 * changed something. What a stage does is written once, as a visitor; only the shape of the request
 * differs by signal, here.
 *
 * @param <M> the export request message
 */
public interface RequestWalker<M extends Message> {

  /** The request as the visitor leaves it: {@code request} itself where nothing changed. */
  M walk(M request, RequestVisitor visitor);

  /** The walker for a signal's requests. */
  @SuppressWarnings("unchecked")
  static <M extends Message> RequestWalker<M> of(BatchType<M, ?> type) {
    return (RequestWalker<M>)
        switch (type.signal()) {
          case TRACES -> TraceWalker.INSTANCE;
          case METRICS -> MetricWalker.INSTANCE;
          case LOGS -> LogWalker.INSTANCE;
        };
  }

  /**
   * Walks the batch's request (decoding it) and {@link Batch#update updates} the batch only if the
   * visitor changed something, so that unchanged data keeps its original bytes.
   *
   * @return whether the batch changed
   */
  static boolean rewrite(Batch<?> batch, RequestVisitor visitor) {
    return rewriteTyped(batch, visitor);
  }

  private static <M extends Message> boolean rewriteTyped(Batch<M> batch, RequestVisitor visitor) {
    M request = batch.message();
    M walked = of(batch.type()).walk(request, visitor);
    if (walked == request) {
      return false;
    }
    batch.update(walked);
    return true;
  }
}
