package otelgw.core.processor.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.batch.TraceBatch;
import otelgw.core.otlp.TestData;
import otelgw.core.processor.Processors;
import otelgw.core.processor.TestSink;

/**
 * Redaction in a request's wire bytes, where only the parts that may change are decoded, against
 * redaction of the whole decoded request: the same data and the same counts, whatever the rules.
 */
class RedactionWirePathTest {

  private static final String EMAIL = "'[\\w.+-]+@[\\w-]+\\.[\\w.]+'";

  /** Every kind of rule, and each summary mode, alone and together. */
  private static final List<String> CONFIGS =
      List.of(
          "allow_all_keys: true\nblocked_values: [" + EMAIL + ", '4[0-9]{12}(?:[0-9]{3})?']\n",
          "allowed_keys: [http.method, note, safe, user.email]\nsummary: debug\n"
              + "blocked_values: ['@']\n",
          "allow_all_keys: true\nignored_keys: [debug.card]\nignored_key_patterns: ['^trace\\.']\n"
              + "blocked_key_patterns: ['pass']\nsummary: info\ndetectors: [email, credit_card]\n",
          "allow_all_keys: true\nallowed_values: ['^allowed', 'fine']\nblocked_values: ['.+']\n"
              + "summary: debug\n",
          "allow_all_keys: true\ndetectors: [email, credit_card, ipv4, jwt, bearer_token]\n"
              + "hash_function: sha256\n",
          "allow_all_keys: true\nblocked_values: ['x{20}']\nallowed_values: ['^x+$']\n"
              + "regex_input_limit: 16\nmax_depth: 1\nsummary: info\n",
          "allowed_keys: []\nignored_keys: [safe]\nsummary: info\n",
          "allow_all_keys: true\nallowed_values: ['^GET$']\nsummary: info\n",
          "allowed_keys: [note, safe, password]\nblocked_key_patterns: ['^pass']\n"
              + "ignored_keys: [user.email]\nsummary: silent\ndetectors: [iban, us_ssn, ipv6]\n",
          "allow_all_keys: true\nblocked_values: ['(a+)+$']\n");

  private static final int SEEDS = 40;

  @Test
  void redactsTracesInTheirBytesAsWhenDecodedWhole() {
    compareAll(BatchType.TRACES, seed -> new RandomRequests(seed).traces());
  }

  @Test
  void redactsLogsInTheirBytesAsWhenDecodedWhole() {
    compareAll(BatchType.LOGS, seed -> new RandomRequests(seed).logs());
  }

  @Test
  void redactsMetricsInTheirBytesAsWhenDecodedWhole() {
    compareAll(BatchType.METRICS, seed -> new RandomRequests(seed).metrics());
  }

  @Test
  void redactsSdkCapturesInTheirBytesAsWhenDecodedWhole() throws Exception {
    Map<String, BatchType<?, ?>> files =
        Map.of(
            "java-traces.pb", BatchType.TRACES,
            "js-traces.pb", BatchType.TRACES,
            "js-metrics.pb", BatchType.METRICS,
            "js-logs-string-body.pb", BatchType.LOGS,
            "js-logs-map-body.pb", BatchType.LOGS);
    for (Map.Entry<String, BatchType<?, ?>> file : files.entrySet()) {
      byte[] bytes = TestData.read(file.getKey());
      for (String config : CONFIGS) {
        compare(config, file.getValue(), bytes);
      }
    }
  }

  @Test
  void aBatchThatSpendsItsMatchingBudgetIsRedactedAsWhenDecodedWhole() {
    // Each hostile value costs a window's reads; some way through, the batch's budget is spent and
    // every value after is masked whole. The screen's tries must not bring that point forward.
    String hostile = "a".repeat(5000) + "b";
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < 24; i++) {
      scope.addSpans(span("span-" + i, kv("note", hostile), kv("other", "fine")));
    }
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
            .build();

    compare(
        "allow_all_keys: true\nblocked_values: ['(a+)+$']\n",
        BatchType.TRACES,
        request.toByteArray());
  }

  @Test
  void aRequestWithNothingToRedactKeepsItsVeryArray() {
    byte[] bytes =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(kv("service.name", "shop")))
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(span("a", kv("http.method", "GET")))
                            .addSpans(span("b", kv("note", "fine")))))
            .build()
            .toByteArray();
    TraceBatch batch = BatchType.TRACES.fromWire(bytes);

    TraceBatch out = redact(CONFIGS.get(0), batch);

    assertThat(out.toByteArray()).isSameAs(bytes);
    assertThat(out.isDecoded()).isFalse();
  }

  @Test
  void aChangeInOneSpanLeavesTheOtherSpansBytesAsTheyCame() throws IOException {
    // Each span's fields in reverse order: valid protobuf, but not as protobuf-java writes it, so
    // any span decoded and encoded again would show.
    byte[][] spans = new byte[5][];
    for (int i = 0; i < spans.length; i++) {
      String note = i == 2 ? "mail jane@example.com" : "nothing " + i;
      spans[i] =
          concat(
              Span.newBuilder().addAttributes(kv("note", note)).build().toByteArray(),
              Span.newBuilder().setName("span-" + i).build().toByteArray());
    }
    ByteArrayOutputStream scope = new ByteArrayOutputStream();
    for (byte[] span : spans) {
      field(scope, ScopeSpans.SPANS_FIELD_NUMBER, span);
    }
    ByteArrayOutputStream resource = new ByteArrayOutputStream();
    field(resource, ResourceSpans.SCOPE_SPANS_FIELD_NUMBER, scope.toByteArray());
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    field(request, ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER, resource.toByteArray());
    byte[] bytes = request.toByteArray();

    byte[] out = redact(CONFIGS.get(0), BatchType.TRACES.fromWire(bytes)).toByteArray();

    for (int i = 0; i < spans.length; i++) {
      if (i == 2) {
        assertThat(indexOf(out, spans[i])).isEqualTo(-1);
      } else {
        assertThat(indexOf(out, spans[i])).as("span %d", i).isNotNegative();
      }
    }
    int tail = bytes.length - (indexOf(bytes, spans[2]) + spans[2].length);
    assertThat(Arrays.copyOfRange(out, out.length - tail, out.length))
        .isEqualTo(Arrays.copyOfRange(bytes, bytes.length - tail, bytes.length));
    Span changed =
        ExportTraceServiceRequest.parseFrom(out).getResourceSpans(0).getScopeSpans(0).getSpans(2);
    assertThat(changed.getAttributes(0).getValue().getStringValue()).isEqualTo("mail ****");
    assertThat(changed.getName()).isEqualTo("span-2");
  }

  @Test
  void aMergeKeepsTheArraysOfTheRequestsThatDidNotChange() {
    byte[] clean = request(span("a", kv("note", "fine"))).toByteArray();
    byte[] dirty = request(span("b", kv("note", "jane@example.com"))).toByteArray();
    TraceBatch merged =
        BatchType.TRACES.fromCheckedChunks(
            new byte[][] {clean, dirty}, clean.length + dirty.length, 2);

    TraceBatch out = redact(CONFIGS.get(0), merged);

    assertThat(out.wireChunks()).hasSize(2);
    assertThat(out.wireChunks().get(0)).isSameAs(clean);
    assertThat(out.itemCount()).isEqualTo(2);
    assertThat(out.byteSize()).isEqualTo(out.toByteArray().length);
    assertThat(out.message().getResourceSpans(1).getScopeSpans(0).getSpans(0).getAttributes(0))
        .isEqualTo(kv("note", "****"));
  }

  @Test
  void aRequestThatDoesNotSplitIntoPartsIsDecodedWhole() {
    // A second resource merges into the first when parsed: the parts cannot be walked apart.
    byte[] first = request(span("a", kv("note", "jane@example.com"))).toByteArray();
    ResourceSpans twoResources =
        ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(kv("note", "x@example.com")))
            .build();
    ByteArrayOutputStream resource = new ByteArrayOutputStream();
    resource.writeBytes(twoResources.toByteArray());
    resource.writeBytes(twoResources.toByteArray());
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(first);
    field(request, ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER, resource.toByteArray());

    TestSink<TraceBatch> wireSink = new TestSink<>();
    redact(CONFIGS.get(0), BatchType.TRACES, request.toByteArray(), false, wireSink);
    assertThat(wireSink.only().isDecoded()).isTrue();
  }

  @Test
  void aValueThatIsNotUtf8IsRejectedAsWhenDecodedWhole() {
    byte[] bytes = request(span("a", kv("note", "jane\u00e9@example.com"))).toByteArray();
    int at = indexOf(bytes, "\u00e9".getBytes(StandardCharsets.UTF_8));
    bytes[at + 1] = (byte) 0x41; // a lead byte followed by ASCII: invalid

    assertThatThrownBy(() -> redact(CONFIGS.get(0), BatchType.TRACES.fromWire(bytes)))
        .isInstanceOf(MalformedBatchException.class);
    assertThatThrownBy(() -> redact(CONFIGS.get(3), BatchType.TRACES.fromWire(bytes)))
        .isInstanceOf(MalformedBatchException.class);
  }

  /**
   * A part whose bytes no rule's regex can match in is not read at all, so its strings are not
   * checked for UTF-8 either: it passes on as it came, as in a pipeline without redaction.
   */
  @Test
  void aPartNoRuleCanMatchInIsPassedOnUnread() {
    byte[] bytes = request(span("a", kv("note", "caf\u00e9 au lait"))).toByteArray();
    int at = indexOf(bytes, "\u00e9".getBytes(StandardCharsets.UTF_8));
    bytes[at + 1] = (byte) 0x41; // a lead byte followed by ASCII: invalid

    TraceBatch out = redact(CONFIGS.get(0), BatchType.TRACES.fromWire(bytes));

    assertThat(out.toByteArray()).isSameAs(bytes);
    // Where a key rule applies, every attribute is read.
    assertThatThrownBy(() -> redact(CONFIGS.get(1), BatchType.TRACES.fromWire(bytes)))
        .isInstanceOf(MalformedBatchException.class);
  }

  private static <M extends Message> void compareAll(
      BatchType<M, ?> type, LongFunction<M> requests) {
    for (String config : CONFIGS) {
      for (long seed = 0; seed < SEEDS; seed++) {
        compare(config, type, requests.apply(seed).toByteArray());
      }
    }
  }

  /** Redacts copies of {@code bytes} in the wire path and decoded whole, and compares. */
  private static <M extends Message, B extends Batch<M>> void compare(
      String config, BatchType<M, B> type, byte[] bytes) {
    TestSink<B> wireSink = new TestSink<>();
    redact(config, type, bytes, true, wireSink);
  }

  /**
   * Redacts copies of {@code bytes} as they came and decoded whole, and compares the results and
   * the counts; {@code wirePath} says whether the first stays undecoded.
   */
  private static <M extends Message, B extends Batch<M>> void redact(
      String config, BatchType<M, B> type, byte[] bytes, boolean wirePath, TestSink<B> wireSink) {
    SimpleMeterRegistry wireMeters = new SimpleMeterRegistry();
    Processors.create(new RedactionFactory(), config, type, wireMeters, wireSink)
        .consume(type.fromWire(bytes.clone()));
    SimpleMeterRegistry fullMeters = new SimpleMeterRegistry();
    TestSink<B> fullSink = new TestSink<>();
    B decoded = type.fromWire(bytes.clone());
    decoded.message();
    Processors.create(new RedactionFactory(), config, type, fullMeters, fullSink).consume(decoded);

    B wire = wireSink.only();
    Supplier<String> what = () -> config + " on " + parse(type, bytes);
    if (wirePath) {
      assertThat(wire.isDecoded()).as(what).isFalse();
    }
    assertThat(parse(type, wire.toByteArray())).as(what).isEqualTo(fullSink.only().message());
    assertThat(wire.itemCount()).isEqualTo(fullSink.only().itemCount());
    assertThat(counts(wireMeters)).as(what).isEqualTo(counts(fullMeters));
  }

  private static <M extends Message> M parse(BatchType<M, ?> type, byte[] bytes) {
    try {
      return type.parser().parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Double> counts(SimpleMeterRegistry meters) {
    Map<String, Double> counts = new TreeMap<>();
    for (Meter meter : meters.getMeters()) {
      if (meter instanceof Counter counter && counter.count() > 0) {
        counts.put(meter.getId().toString(), counter.count());
      }
    }
    return counts;
  }

  private static TraceBatch redact(String config, TraceBatch batch) {
    TestSink<TraceBatch> sink = new TestSink<>();
    Processors.create(
            new RedactionFactory(), config, BatchType.TRACES, new SimpleMeterRegistry(), sink)
        .consume(batch);
    return sink.only();
  }

  private static ExportTraceServiceRequest request(Span span) {
    return RedactionProcessorTest.request(span);
  }

  private static Span span(String name, KeyValue... attributes) {
    return Span.newBuilder()
        .setName(name)
        .setTraceId(ByteString.copyFrom(new byte[16]))
        .addAllAttributes(List.of(attributes))
        .build();
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static void field(ByteArrayOutputStream out, int number, byte[] content) {
    try {
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.writeByteArray(number, content);
      coded.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Where {@code part} first occurs in {@code bytes}, or -1. */
  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
