package otelgw.receiver.otlp;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A gRPC request as received: its bytes, or why they could not be read. grpc reports a message that
 * is over the size limit once decompressed, or that does not decompress, by throwing from the
 * marshaller, and answers such a throw {@code UNKNOWN}; so the marshaller catches it and the
 * handler answers it with the right code.
 *
 * @param body the serialized export request, or null on failure
 * @param failure why there is no body, or null
 */
record GrpcRequest(byte[] body, ReceiverFailure failure) {

  /** Reads requests as raw bytes; see {@link ByteArrayMarshaller}. */
  static final class Marshaller implements MethodDescriptor.Marshaller<GrpcRequest> {

    private final ReceiverFailure tooLarge;

    Marshaller(int maxMessageSizeMib) {
      this.tooLarge =
          new ReceiverFailure(
              Rejection.TOO_LARGE,
              "the request is larger than max_recv_msg_size_mib ("
                  + maxMessageSizeMib
                  + " MiB) once decompressed; send smaller batches");
    }

    @Override
    public InputStream stream(GrpcRequest value) {
      return new ByteArrayMarshaller.DrainableBytes(value.body());
    }

    @Override
    public GrpcRequest parse(InputStream stream) {
      try {
        return new GrpcRequest(ByteArrayMarshaller.read(stream), null);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
          return new GrpcRequest(null, tooLarge);
        }
        return new GrpcRequest(null, corrupt());
      } catch (IOException e) {
        return new GrpcRequest(null, corrupt());
      }
    }

    private static ReceiverFailure corrupt() {
      return new ReceiverFailure(
          Rejection.MALFORMED, "the request does not decompress with its grpc-encoding");
    }
  }
}
