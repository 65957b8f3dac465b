package otelgw.core.otlp.walk;

import com.google.protobuf.Message;
import java.util.List;
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
   * Walks the batch's request and updates the batch only if the visitor changed something, so that
   * unchanged data keeps its original bytes. A batch still in its wire bytes, with a visitor that
   * has a {@link RequestVisitor#screen() screen}, is walked in its bytes: only the parts the screen
   * flags are decoded, and {@link Batch#updateWire} takes the bytes with those parts encoded anew.
   * Otherwise the request is decoded whole and {@link Batch#update updated}.
   *
   * @return whether the batch changed
   */
  static boolean rewrite(Batch<?> batch, RequestVisitor visitor) {
    WireScreen screen = visitor.screen();
    if (screen != WireScreen.NONE && batch.hasWireBytes() && !batch.isDecoded()) {
      WireRewrite wire = new WireRewrite(WireShape.of(batch.signal()), visitor, screen);
      List<byte[]> chunks = batch.wireChunks();
      if (wire.canWalk(chunks)) {
        List<byte[]> walked = wire.rewrite(chunks);
        if (walked == chunks) {
          return false;
        }
        batch.updateWire(walked);
        return true;
      }
    }
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
