package otelgw.receiver.otlp;

import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;

/**
 * Counts as {@code too_large} a gRPC message refused by grpc's own size check. A message whose
 * length prefix is over {@code max_recv_msg_size_mib} is refused by grpc's deframer before any
 * message reaches our marshaller or a call listener, so only a stream tracer sees it: the stream
 * closes {@code RESOURCE_EXHAUSTED} without a single inbound message. Messages that are framed and
 * then found too large once decompressed are counted where the marshaller refuses them, not here.
 */
final class GrpcOversizeCount extends ServerStreamTracer.Factory {

  /**
   * grpc's Netty transport logs each message its deframer refuses, oversize ones included, as a
   * WARNING with a stack trace: one log line per hostile request. They are counted here instead;
   * errors stay visible. Held strongly: java.util.logging keeps loggers by weak reference.
   */
  static final java.util.logging.Logger DEFRAME_LOG =
      java.util.logging.Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream");

  static {
    DEFRAME_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private final ReceiverMeters meters;

  GrpcOversizeCount(ReceiverMeters meters) {
    this.meters = meters;
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    return new Tracer(meters);
  }

  private static final class Tracer extends ServerStreamTracer {
    private final ReceiverMeters meters;
    // Written by the deframer, read when the stream closes, possibly on another thread.
    private volatile boolean messageFramed;

    Tracer(ReceiverMeters meters) {
      this.meters = meters;
    }

    @Override
    public void inboundMessage(int seqNo) {
      messageFramed = true;
    }

    @Override
    public void streamClosed(Status status) {
      if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED && !messageFramed) {
        meters.rejected(Rejection.TOO_LARGE);
      }
    }
  }
}
