package otelgw.benchmarks;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.SplittableRandom;

/**
 * Export requests that look like what an instrumented web service sends: one resource with the
 * usual SDK and Kubernetes attributes, one scope, and spans of four kinds (HTTP server, database
 * client, messaging producer, internal), each with 14 to 18 attributes and one event, 0.7 to 1.6 KB
 * encoded (about 0.8 KB on average). Every {@value #PII_EVERY}th span carries an e-mail address
 * ({@code enduser.email}) for redaction rules to find, so most 100-span requests have something to
 * mask.
 *
 * <p>Deterministic: the same size and seed give the same bytes. Thread-safe (no state).
 */
public final class RealisticSpans {

  /** One span in this many carries an e-mail address. */
  public static final int PII_EVERY = 20;

  /** The seed of {@link #request(int)}. */
  public static final long DEFAULT_SEED = 42;

  private static final String[] ROUTES = {
    "/api/v1/orders/{orderId}", "/api/v1/customers/{customerId}/addresses", "/api/v1/cart/items",
    "/api/v2/catalog/products/{sku}", "/health/ready", "/api/v1/payments/{paymentId}/capture"
  };
  private static final String[] TABLES = {"orders", "customers", "order_items", "inventory"};
  private static final String[] TOPICS = {"orders.created", "payments.captured", "stock.changed"};

  private RealisticSpans() {}

  /** A request of {@code spans} spans, with the default seed. */
  public static ExportTraceServiceRequest request(int spans) {
    return request(spans, DEFAULT_SEED);
  }

  /** A request of {@code spans} spans. */
  public static ExportTraceServiceRequest request(int spans, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder()
            .setScope(
                InstrumentationScope.newBuilder()
                    .setName("io.opentelemetry.spring-webmvc-6.0")
                    .setVersion("2.10.0-alpha"))
            .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0");
    long now = 1_732_000_000_000_000_000L + random.nextLong(1_000_000_000_000L);
    byte[] traceId = bytes(random, 16);
    for (int i = 0; i < spans; i++) {
      if (i % 8 == 0) {
        traceId = bytes(random, 16);
      }
      scope.addSpans(span(random, i, traceId, now + i * 1_000_000L));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource())
                .addScopeSpans(scope)
                .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0"))
        .build();
  }

  /** The protobuf encoding of {@link #request(int)}. */
  public static byte[] requestBytes(int spans) {
    return request(spans).toByteArray();
  }

  /** Prints the sizes of the requests the benchmarks send: {@code java -cp benchmarks.jar ...}. */
  public static void main(String[] args) {
    for (int spans : new int[] {1, 100, 512, 1000}) {
      ExportTraceServiceRequest request = request(spans);
      int attributes = 0;
      for (Span span : request.getResourceSpans(0).getScopeSpans(0).getSpansList()) {
        attributes += span.getAttributesCount();
      }
      System.out.printf(
          "%5d spans: %8d bytes, %6.0f bytes/span, %4.1f attributes/span%n",
          spans,
          request.getSerializedSize(),
          request.getSerializedSize() / (double) spans,
          attributes / (double) spans);
    }
  }

  private static Resource resource() {
    return Resource.newBuilder()
        .addAttributes(str("service.name", "checkout-service"))
        .addAttributes(str("service.namespace", "shop"))
        .addAttributes(str("service.version", "1.42.7"))
        .addAttributes(str("service.instance.id", "7f3c9a2e-5b1d-4e8f-9c6a-2d4b8e1f0a37"))
        .addAttributes(str("deployment.environment.name", "production"))
        .addAttributes(str("telemetry.sdk.name", "opentelemetry"))
        .addAttributes(str("telemetry.sdk.language", "java"))
        .addAttributes(str("telemetry.sdk.version", "1.44.1"))
        .addAttributes(str("host.name", "ip-10-12-34-56.eu-west-1.compute.internal"))
        .addAttributes(str("k8s.namespace.name", "shop-prod"))
        .addAttributes(str("k8s.pod.name", "checkout-service-6d9f7b8c4-x7k2p"))
        .addAttributes(str("k8s.node.name", "ip-10-12-34-56.eu-west-1.compute.internal"))
        .addAttributes(str("cloud.provider", "aws"))
        .addAttributes(str("cloud.region", "eu-west-1"))
        .build();
  }

  private static Span span(SplittableRandom random, int index, byte[] traceId, long start) {
    long duration = 200_000L + random.nextLong(50_000_000L);
    Span.Builder span =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(traceId))
            .setSpanId(ByteString.copyFrom(bytes(random, 8)))
            .setParentSpanId(ByteString.copyFrom(bytes(random, 8)))
            .setStartTimeUnixNano(start)
            .setEndTimeUnixNano(start + duration)
            .setFlags(0x301);
    switch (index % 4) {
      case 0 -> httpServer(random, span);
      case 1 -> database(random, span);
      case 2 -> messaging(random, span);
      default -> internal(random, span);
    }
    span.addAttributes(str("thread.name", "http-nio-8080-exec-" + random.nextInt(1, 200)))
        .addAttributes(integer("thread.id", 40 + random.nextInt(200)))
        .addAttributes(str("app.request_id", uuid(random)))
        .addAttributes(str("session.id", uuid(random)));
    if (index % PII_EVERY == PII_EVERY - 1) {
      span.addAttributes(
          str("enduser.email", "customer" + random.nextInt(100_000) + "@example.com"));
    }
    span.addEvents(
        Span.Event.newBuilder()
            .setTimeUnixNano(start + duration / 2)
            .setName(index % 10 == 3 ? "exception" : "cache.lookup")
            .addAttributes(
                index % 10 == 3
                    ? str("exception.type", "java.net.SocketTimeoutException")
                    : str("cache.key", "product:" + random.nextInt(1_000_000)))
            .addAttributes(
                index % 10 == 3
                    ? str("exception.message", "Read timed out after 2000 ms")
                    : str("cache.result", random.nextBoolean() ? "hit" : "miss")));
    span.setStatus(
        index % 10 == 3
            ? Status.newBuilder()
                .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                .setMessage("upstream timed out")
            : Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_UNSET));
    return span.build();
  }

  private static void httpServer(SplittableRandom random, Span.Builder span) {
    String route = ROUTES[random.nextInt(ROUTES.length)];
    String path =
        route.replaceAll("\\{[^}]+}", Integer.toString(100_000 + random.nextInt(900_000)));
    span.setName("GET " + route)
        .setKind(Span.SpanKind.SPAN_KIND_SERVER)
        .addAttributes(str("http.request.method", "GET"))
        .addAttributes(str("http.route", route))
        .addAttributes(integer("http.response.status_code", random.nextInt(10) == 0 ? 404 : 200))
        .addAttributes(str("url.scheme", "https"))
        .addAttributes(str("url.path", path))
        .addAttributes(str("url.query", "page=" + random.nextInt(20) + "&size=50&sort=createdAt"))
        .addAttributes(str("server.address", "checkout.shop.example.com"))
        .addAttributes(integer("server.port", 443))
        .addAttributes(
            str("client.address", "10.12." + random.nextInt(256) + "." + random.nextInt(256)))
        .addAttributes(str("network.protocol.version", "1.1"))
        .addAttributes(
            str(
                "user_agent.original",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Safari/537.36"))
        .addAttributes(integer("http.request.body.size", random.nextInt(4096)))
        .addAttributes(integer("http.response.body.size", random.nextInt(65536)));
  }

  private static void database(SplittableRandom random, Span.Builder span) {
    String table = TABLES[random.nextInt(TABLES.length)];
    span.setName("SELECT shop." + table)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .addAttributes(str("db.system", "postgresql"))
        .addAttributes(str("db.namespace", "shop"))
        .addAttributes(str("db.operation.name", "SELECT"))
        .addAttributes(str("db.collection.name", table))
        .addAttributes(
            str(
                "db.query.text",
                "SELECT id, customer_id, status, total_amount, currency, created_at, updated_at"
                    + " FROM "
                    + table
                    + " WHERE customer_id = ? AND status IN (?, ?) ORDER BY created_at DESC"
                    + " LIMIT ?"))
        .addAttributes(str("server.address", "orders-db.cluster-c9x7.eu-west-1.rds.amazonaws.com"))
        .addAttributes(integer("server.port", 5432))
        .addAttributes(str("db.user", "checkout_app"))
        .addAttributes(integer("db.response.returned_rows", random.nextInt(100)))
        .addAttributes(str("code.function", "findRecentOrders"))
        .addAttributes(str("code.namespace", "com.example.shop.checkout.OrderRepository"));
  }

  private static void messaging(SplittableRandom random, Span.Builder span) {
    String topic = TOPICS[random.nextInt(TOPICS.length)];
    span.setName(topic + " publish")
        .setKind(Span.SpanKind.SPAN_KIND_PRODUCER)
        .addAttributes(str("messaging.system", "kafka"))
        .addAttributes(str("messaging.destination.name", topic))
        .addAttributes(str("messaging.operation.type", "publish"))
        .addAttributes(str("messaging.client.id", "checkout-service-producer-1"))
        .addAttributes(integer("messaging.destination.partition.id", random.nextInt(12)))
        .addAttributes(str("messaging.kafka.message.key", "order-" + random.nextInt(10_000_000)))
        .addAttributes(integer("messaging.message.body.size", 200 + random.nextInt(2000)))
        .addAttributes(str("server.address", "kafka-broker-2.shop-prod.svc.cluster.local"))
        .addAttributes(integer("server.port", 9092))
        .addAttributes(str("code.namespace", "com.example.shop.checkout.events.OrderEvents"));
  }

  private static void internal(SplittableRandom random, Span.Builder span) {
    span.setName("PricingService.computeTotals")
        .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
        .addAttributes(str("code.function", "computeTotals"))
        .addAttributes(str("code.namespace", "com.example.shop.checkout.pricing.PricingService"))
        .addAttributes(str("code.filepath", "PricingService.java"))
        .addAttributes(integer("code.lineno", 100 + random.nextInt(400)))
        .addAttributes(integer("app.cart.items", 1 + random.nextInt(30)))
        .addAttributes(str("app.currency", random.nextBoolean() ? "EUR" : "USD"))
        .addAttributes(dbl("app.cart.total", random.nextInt(100_000) / 100.0))
        .addAttributes(bool("app.promotion.applied", random.nextBoolean()))
        .addAttributes(str("app.customer.tier", random.nextBoolean() ? "gold" : "standard"))
        .addAttributes(str("app.pricing.rule_set", "2024-11-eu-vat-standard"));
  }

  private static String uuid(SplittableRandom random) {
    return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  private static KeyValue str(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static KeyValue integer(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  private static KeyValue dbl(String key, double value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setDoubleValue(value))
        .build();
  }

  private static KeyValue bool(String key, boolean value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setBoolValue(value))
        .build();
  }
}
