package otelgw.receiver.otlp;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.io.IOException;
import otelgw.config.ComponentId;
import otelgw.config.TlsServerSettings;

/** The HTTP server's TLS context, from the {@code tls} block. */
final class HttpTls {

  private HttpTls() {}

  static SslContext serverContext(ComponentId id, String endpoint, TlsServerSettings tls)
      throws IOException {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(new File(tls.certFile()), new File(tls.keyFile()))
              .protocols(TlsVersions.protocols(tls));
      if (tls.clientCaFile().isPresent()) {
        builder.trustManager(new File(tls.clientCaFile().get())).clientAuth(ClientAuth.REQUIRE);
      }
      return builder.build();
    } catch (IOException | IllegalArgumentException e) {
      throw TlsVersions.failure(id, endpoint, OtlpHttpServer.PROTOCOL, e);
    }
  }
}
