package otelgw.exporter.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.Signal;
import otelgw.config.UrlCredentials;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.component.ClientAuthenticator;
import otelgw.core.error.GatewayException;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.exporterhelper.Sender;
import otelgw.core.exporterhelper.Transport;
import otelgw.core.otlp.OtlpJson;
import otelgw.core.otlp.OtlpJsonException;

/**
 * The {@code otlphttp} exporter's connection: one pooled JDK {@link HttpClient} for all signals,
 * made in {@link #start()}, posting each batch's protobuf bytes as they are (or, with {@code
 * encoding: json}, its message as OTLP/JSON).
 */
final class HttpTransport implements Transport {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  /** Responses are small; a larger one is cut here rather than held in memory. */
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private static final Logger logger = LoggerFactory.getLogger(HttpTransport.class);

  private final OtlpHttpExporterConfig config;
  private final ClientAuthenticator auth; // null without an auth block
  private final Clock clock;
  private volatile HttpClient client; // null before start and after shutdown

  HttpTransport(OtlpHttpExporterConfig config, Clock clock) {
    this(config, null, clock);
  }

  /**
   * @param auth the authenticator of the {@code auth} block, or null
   */
  HttpTransport(OtlpHttpExporterConfig config, ClientAuthenticator auth, Clock clock) {
    this.config = config;
    this.auth = auth;
    this.clock = clock;
  }

  @Override
  public <B extends Batch<?>> Sender<B> sender(BatchType<?, B> type) {
    URI configured = config.url(type.signal());
    // The JDK's client ignores userinfo; Go's, the Collector's, sends it as Basic credentials.
    URI url = UrlCredentials.withoutUserinfo(configured);
    Optional<String> basic = UrlCredentials.basicAuthorization(configured);
    OtlpService service = OtlpService.of(type.signal());
    return batch -> post(url, basic, service, batch);
  }

  private PartialSuccess post(URI url, Optional<String> basic, OtlpService service, Batch<?> batch)
      throws GatewayException {
    HttpClient http = client;
    if (http == null) {
      throw new RetryableException("the exporter is not running");
    }
    HttpRequest request = request(url, basic, encode(batch));
    HttpResponse<InputStream> response;
    byte[] answer;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        answer = body.readNBytes(MAX_RESPONSE_BYTES);
      }
    } catch (IOException e) {
      throw HttpOutcomes.failure(e, url, config.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while sending to " + url);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (!HttpOutcomes.isSuccess(response.statusCode())) {
      throw HttpOutcomes.failure(
          response.statusCode(),
          response.headers().firstValue("Retry-After"),
          contentType,
          answer,
          clock.instant());
    }
    return partialSuccess(service, contentType.toLowerCase(Locale.ROOT), answer);
  }

  /** Reads partial success from a 2xx body in either encoding; nothing if it is neither. */
  private static PartialSuccess partialSuccess(OtlpService service, String type, byte[] body) {
    if (body.length == 0) {
      return PartialSuccess.NONE;
    }
    try {
      if (type.startsWith(PROTOBUF)) {
        return service.fromProtobuf(body);
      }
      if (type.startsWith(JSON)) {
        return service.fromJson(body);
      }
    } catch (InvalidProtocolBufferException | OtlpJsonException e) {
      // The backend said 2xx; an unreadable body cannot take that back.
    }
    return PartialSuccess.NONE;
  }

  /**
   * Protobuf goes out as the bytes the batch holds (a merge's chunks unjoined); JSON needs the
   * decoded message.
   */
  private List<byte[]> encode(Batch<?> batch) throws PermanentException {
    if (config.encoding() == Encoding.PROTO) {
      return batch.wireChunks();
    }
    try {
      return List.of(OtlpJson.encode(batch.message()));
    } catch (MalformedBatchException e) {
      throw new PermanentException("cannot decode the batch to send it as JSON: " + e.getMessage());
    }
  }

  private HttpRequest request(URI url, Optional<String> basic, List<byte[]> body) {
    boolean json = config.encoding() == Encoding.JSON;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            // Plain HTTP/1.1 over http://, as the Collector: an h2c upgrade trips up some servers.
            .version(
                "https".equals(url.getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .timeout(config.timeout())
            .header("Content-Type", json ? JSON : PROTOBUF)
            .header("User-Agent", UserAgent.VALUE);
    if (config.compression() == Compression.GZIP) {
      body = List.of(gzip(body));
      request.header("Content-Encoding", "gzip");
    }
    // A configured Authorization header or an authenticator replaces the URL's credentials.
    basic.ifPresent(credentials -> request.setHeader("Authorization", credentials));
    for (Map.Entry<String, String> header : config.headers().entrySet()) {
      request.setHeader(header.getKey(), header.getValue());
    }
    if (auth != null) {
      // Read per request, so that a rotated token is sent at once.
      auth.headers().forEach(request::setHeader);
    }
    return request.POST(publisher(body)).build();
  }

  @Override
  public synchronized void start() throws IOException {
    if (client != null) {
      return;
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (usesTls()) {
      TlsMaterial tls = TlsMaterial.load(config.tls());
      builder.sslContext(sslContext(tls));
      SSLParameters parameters = new SSLParameters();
      parameters.setProtocols(tls.protocols().toArray(String[]::new));
      builder.sslParameters(parameters);
    }
    client = builder.build();
    boolean authInClear = auth != null && !usesTlsOnly();
    if (authInClear || urlCredentialsInClear()) {
      logger.warn(
          "otlphttp exporter: its {} credentials are sent in clear to an http:// URL; use"
              + " https://",
          authInClear ? "authenticator's" : "URL's");
    }
  }

  /** Whether a signal's URL holds credentials and is not https: they would go in clear. */
  private boolean urlCredentialsInClear() {
    for (Signal signal : Signal.values()) {
      URI url = config.url(signal);
      if (url.getRawUserInfo() != null && !"https".equals(url.getScheme())) {
        return true;
      }
    }
    return false;
  }

  private boolean usesTlsOnly() {
    for (Signal signal : Signal.values()) {
      if (!"https".equals(config.url(signal).getScheme())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lets go of the client. The JDK 17 client has no close: its connections and selector thread end
   * once it is unreachable. By now the queue has drained, so no request is in flight.
   */
  @Override
  public synchronized void shutdown(Duration deadline) {
    client = null;
  }

  private boolean usesTls() {
    for (Signal signal : Signal.values()) {
      if ("https".equals(config.url(signal).getScheme())) {
        return true;
      }
    }
    return false;
  }

  private static SSLContext sslContext(TlsMaterial tls) throws IOException {
    if (tls.trustManager().isEmpty() && tls.keyManager().isEmpty()) {
      try {
        return SSLContext.getDefault();
      } catch (GeneralSecurityException e) {
        throw new IOException("no default TLS context: " + e.getMessage(), e);
      }
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          tls.keyManager().map(key -> new KeyManager[] {key}).orElse(null),
          tls.trustManager().map(trust -> new TrustManager[] {trust}).orElse(null),
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The body with its length, so that it goes out with Content-Length, not chunked. */
  private static HttpRequest.BodyPublisher publisher(List<byte[]> body) {
    if (body.size() == 1) {
      return HttpRequest.BodyPublishers.ofByteArray(body.get(0));
    }
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofByteArrays(body), length(body));
  }

  private static long length(List<byte[]> body) {
    long length = 0;
    for (byte[] chunk : body) {
      length += chunk.length;
    }
    return length;
  }

  private static byte[] gzip(List<byte[]> body) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(length(body) / 4 + 64, 1 << 20));
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      for (byte[] chunk : body) {
        zip.write(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // In memory: cannot happen.
    }
    return out.toByteArray();
  }
}
