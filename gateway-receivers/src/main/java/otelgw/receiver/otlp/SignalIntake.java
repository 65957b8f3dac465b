package otelgw.receiver.otlp;

import com.google.protobuf.Message;
import java.util.Optional;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.error.RefusedException;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.OtlpJson;
import otelgw.core.otlp.OtlpJsonException;
import otelgw.core.otlp.OtlpJsonOptions;
import otelgw.core.otlp.WireDepth;
import otelgw.core.pipeline.Ingress;
import otelgw.core.pipeline.Ingresses;

/**
 * One signal's way into the pipelines over one transport: make a batch of the request body and
 * publish it. Both transports use it, so a request means the same whichever way it came.
 * Thread-safe; non-blocking.
 */
final class SignalIntake<M extends Message, B extends Batch<M>> {

  private final BatchType<M, B> type;
  private final Ingress<B> ingress; // null when no pipeline takes the signal from this receiver
  private final int maxNestingDepth;
  private final OtlpJsonOptions json;

  private SignalIntake(
      BatchType<M, B> type,
      Optional<Ingress<B>> ingress,
      int maxNestingDepth,
      OtlpJsonOptions json) {
    this.type = type;
    this.ingress = ingress.orElse(null);
    this.maxNestingDepth = maxNestingDepth;
    this.json = json;
  }

  /**
   * @param maxNestingDepth {@code max_nesting_depth}, for protobuf requests
   * @param json the limits of JSON decoding, for OTLP/JSON requests
   */
  static <M extends Message, B extends Batch<M>> SignalIntake<M, B> of(
      BatchType<M, B> type,
      Ingresses ingresses,
      String transport,
      int maxNestingDepth,
      OtlpJsonOptions json) {
    return new SignalIntake<>(type, ingresses.of(type, transport), maxNestingDepth, json);
  }

  Signal signal() {
    return type.signal();
  }

  /** Whether some pipeline takes this signal; if not, requests are answered {@link #noPipeline}. */
  boolean hasPipeline() {
    return ingress != null;
  }

  ReceiverFailure noPipeline() {
    return new ReceiverFailure(
        Rejection.NO_PIPELINE,
        "no pipeline takes " + signal().configName() + " from this receiver");
  }

  /**
   * Publishes a protobuf-encoded request, kept as it arrived; takes ownership of {@code body}. It
   * is checked for depth here, at the edge, because it is parsed only later, if at all, after the
   * client was answered (see {@link WireDepth}).
   *
   * @throws MalformedBatchException if it is not a well-formed request of this signal, or nests
   *     deeper than {@code max_nesting_depth}
   * @throws RefusedException if the pipelines cannot take it now
   */
  void publishProtobuf(byte[] body) throws RefusedException {
    B batch = type.fromWire(body);
    try {
      WireDepth.check(type.signal(), body, maxNestingDepth);
    } catch (MalformedProtobufException e) {
      throw new MalformedBatchException(e.getMessage());
    }
    ingress.publish(batch);
  }

  /**
   * Publishes an OTLP/JSON request, decoded once into the message.
   *
   * @throws OtlpJsonException if it is not a valid OTLP/JSON request of this signal
   * @throws RefusedException if the pipelines cannot take it now
   */
  void publishJson(byte[] body, int length) throws OtlpJsonException, RefusedException {
    M message = OtlpJson.decode(body, 0, length, type.defaultInstance(), json);
    ingress.publish(type.fromMessage(message));
  }
}
