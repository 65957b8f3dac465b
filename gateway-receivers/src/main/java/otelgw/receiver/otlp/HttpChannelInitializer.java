package otelgw.receiver.otlp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;

/**
 * Each OTLP/HTTP connection's pipeline: connection limit, TLS if configured, timeouts, the HTTP/1.1
 * codec with bounded head sizes, and the export handler behind a flow-control handler that holds
 * pipelined requests while one is being decoded.
 */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

  /** The largest body piece handed on at once: {@value} bytes; bodies are collected from them. */
  static final int MAX_CHUNK_SIZE = 64 << 10;

  private final HttpServerContext server;
  private final HttpConnections connections;
  private final SslContext ssl; // null for plaintext

  HttpChannelInitializer(HttpServerContext server, HttpConnections connections, SslContext ssl) {
    this.server = server;
    this.connections = connections;
    this.ssl = ssl;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast(connections);
    if (ssl != null) {
      pipeline.addLast(ssl.newHandler(channel.alloc()));
    }
    HttpTimeouts timeouts =
        new HttpTimeouts(
            server.idleTimeout(),
            server.readTimeout(),
            server.meters()::readTimeout,
            server.meters()::idleTimeout);
    pipeline.addLast(timeouts);
    pipeline.addLast(
        new HttpServerCodec(
            new HttpDecoderConfig()
                .setMaxInitialLineLength(server.maxRequestLineSize())
                .setMaxHeaderSize(server.maxHeaderSize())
                .setMaxChunkSize(MAX_CHUNK_SIZE)));
    pipeline.addLast(new FlowControlHandler());
    pipeline.addLast(new HttpExportHandler(server, timeouts));
  }
}
