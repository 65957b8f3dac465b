package otelgw.core.pipeline;

import java.util.List;
import otelgw.core.batch.Batch;
import otelgw.core.error.RefusedException;

/**
 * Publishes into the rings of every pipeline that takes a receiver's signal: into all of them or
 * into none, so a client is never told "retry" for data one pipeline has already taken.
 */
final class RingIngress<B extends Batch<?>> implements Ingress<B> {

  private static final RefusedException FULL =
      RefusedException.of(RefusedException.Reason.PIPELINE_FULL);

  private final List<RingStage<B>> rings;

  RingIngress(List<RingStage<B>> rings) {
    this.rings = List.copyOf(rings);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void publish(B batch) throws RefusedException {
    if (rings.size() == 1) {
      if (!rings.get(0).tryPublish(batch)) {
        throw FULL;
      }
      return;
    }
    long[] claims = new long[rings.size()];
    int claimed = 0;
    for (; claimed < rings.size(); claimed++) {
      claims[claimed] = rings.get(claimed).tryClaim();
      if (claims[claimed] < 0) {
        break;
      }
    }
    boolean all = claimed == rings.size();
    for (int i = 0; i < claimed; i++) {
      B copy = !all ? null : i == claimed - 1 ? batch : (B) batch.share();
      rings.get(i).publish(claims[i], copy);
    }
    if (!all) {
      throw FULL;
    }
  }
}
