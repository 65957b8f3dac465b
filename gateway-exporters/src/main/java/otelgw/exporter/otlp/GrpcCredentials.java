package otelgw.exporter.otlp;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Map;
import otelgw.core.component.ClientAuthenticator;

/**
 * Adds an authenticator's credentials to every gRPC call, read per call so that a rotated token is
 * sent at once; they replace a static header of the same name.
 */
final class GrpcCredentials implements ClientInterceptor {

  private final ClientAuthenticator authenticator;

  GrpcCredentials(ClientAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(
      MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<A> listener, Metadata headers) {
        for (Map.Entry<String, String> header : authenticator.headers().entrySet()) {
          Metadata.Key<String> key =
              Metadata.Key.of(header.getKey(), Metadata.ASCII_STRING_MARSHALLER);
          headers.removeAll(key);
          headers.put(key, header.getValue());
        }
        super.start(listener, headers);
      }
    };
  }
}
