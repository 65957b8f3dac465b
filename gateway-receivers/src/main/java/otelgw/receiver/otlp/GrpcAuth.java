package otelgw.receiver.otlp;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import otelgw.core.component.ServerAuthenticator;

/**
 * Refuses a gRPC call without valid credentials with {@code UNAUTHENTICATED}, from its metadata
 * alone: the call is closed before its message is requested, so nothing of it is read, decompressed
 * or parsed.
 */
final class GrpcAuth implements ServerInterceptor {

  private final ServerAuthenticator authenticator;
  private final Metadata.Key<String> key;
  private final ReceiverMeters meters;
  private final Status refusal;

  GrpcAuth(ServerAuthenticator authenticator, ReceiverMeters meters) {
    this.authenticator = authenticator;
    this.key = Metadata.Key.of(authenticator.header(), Metadata.ASCII_STRING_MARSHALLER);
    this.meters = meters;
    this.refusal =
        Status.UNAUTHENTICATED.withDescription(
            "the call has no valid credentials in its '" + authenticator.header() + "' metadata");
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    if (authenticator.authenticate(headers.get(key))) {
      return next.startCall(call, headers);
    }
    meters.rejected(Rejection.UNAUTHENTICATED);
    call.close(refusal, new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
