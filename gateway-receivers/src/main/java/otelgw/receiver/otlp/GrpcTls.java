package otelgw.receiver.otlp;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.io.IOException;
import otelgw.config.ComponentId;
import otelgw.config.TlsServerSettings;

/** The gRPC server's TLS context, from the {@code tls} block (grpc's shaded Netty). */
final class GrpcTls {

  private GrpcTls() {}

  static SslContext serverContext(ComponentId id, String endpoint, TlsServerSettings tls)
      throws IOException {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(new File(tls.certFile()), new File(tls.keyFile()))
              .protocols(TlsVersions.protocols(tls));
      if (tls.clientCaFile().isPresent()) {
        builder.trustManager(new File(tls.clientCaFile().get())).clientAuth(ClientAuth.REQUIRE);
      }
      return GrpcSslContexts.configure(builder).build();
    } catch (IOException | IllegalArgumentException e) {
      throw TlsVersions.failure(id, endpoint, OtlpGrpcServer.PROTOCOL, e);
    }
  }
}
