package otelgw.receiver.otlp;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import otelgw.config.ComponentId;
import otelgw.config.TlsServerSettings;

/**
 * The HTTP server's TLS context, from the {@code tls} block. Its key manager is {@link
 * ServerTls}'s, so a rotated certificate reaches new connections without a new context; so does a
 * rotated {@code client_ca_file}, through its trust manager.
 */
final class HttpTls {

  private HttpTls() {}

  static SslContext serverContext(ComponentId id, String endpoint, ServerTls material)
      throws IOException {
    TlsServerSettings tls = material.settings();
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(material.keyManager()).protocols(TlsVersions.protocols(tls));
      if (material.trustManager().isPresent()) {
        builder.trustManager(material.trustManager().get()).clientAuth(ClientAuth.REQUIRE);
      }
      return builder.build();
    } catch (IOException | IllegalArgumentException e) {
      throw TlsVersions.failure(id, endpoint, OtlpHttpServer.PROTOCOL, e);
    }
  }
}
