package otelgw.core.processor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.LogBatch;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Processor;
import otelgw.core.processor.Processors;
import otelgw.core.processor.TestSink;

class RedactionProcessorTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestSink<TraceBatch> sink = new TestSink<>();

  @Test
  void removesEveryKeyNotAllowedFailingClosed() {
    Span out =
        redactOne(
            "allowed_keys: [http.method]\n",
            Map.of("http.method", "GET", "user.email", "a@b.io", "secret", "x"));

    assertThat(attributes(out)).containsOnlyKeys("http.method");
    assertThat(counter("not_allowed_key")).isEqualTo(2);
  }

  @Test
  void masksWhatBlockedValuesMatchAndLeavesTheRest() {
    Span out =
        redactOne(
            "allow_all_keys: true\nblocked_values: ['4[0-9]{12}(?:[0-9]{3})?']\n",
            Map.of("note", "paid with 4111111111111111 today", "other", "fine"));

    assertThat(attributes(out))
        .containsEntry("note", "paid with **** today")
        .containsEntry("other", "fine");
    assertThat(counter("blocked_values[0]")).isEqualTo(1);
  }

  @Test
  void ignoredKeysAreLeftAloneEvenIfNotAllowedOrBlocked() {
    Span out =
        redactOne(
            "allowed_keys: []\nignored_keys: [debug.card]\nblocked_values: ['4111']\n",
            Map.of("debug.card", "4111", "gone", "x"));

    assertThat(attributes(out)).containsOnlyKeys("debug.card").containsEntry("debug.card", "4111");
  }

  @Test
  void blockedKeyPatternsMaskTheWholeValueOfAnyType() {
    Span span =
        span(Map.of("user.password", "hunter2", "db.name", "orders")).toBuilder()
            .addAttributes(kv("pin.code", AnyValue.newBuilder().setIntValue(1234).build()))
            .build();

    Span out =
        redact("allow_all_keys: true\nblocked_key_patterns: ['(?i)password', '^pin\\.']\n", span);

    assertThat(attributes(out))
        .containsEntry("user.password", "****")
        .containsEntry("pin.code", "****")
        .containsEntry("db.name", "orders");
    assertThat(counter("blocked_key_patterns[0]")).isEqualTo(1);
    assertThat(counter("blocked_key_patterns[1]")).isEqualTo(1);
  }

  @Test
  void allowedValuesExemptAValueFromMasking() {
    Span out =
        redactOne(
            "allow_all_keys: true\nblocked_values: ['\\d{4}']\nallowed_values: ['^order-\\d+$']\n"
                + "summary: debug\n",
            Map.of("order", "order-1234", "phone", "call 5551234"));

    assertThat(attributes(out))
        .containsEntry("order", "order-1234")
        .containsEntry("phone", "call ****234")
        .containsEntry("redaction.allowed.keys", "order")
        .containsEntry("redaction.allowed.count", "1");
  }

  @Test
  void debugSummaryNamesKeysAndInfoOnlyCounts() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("keep", "a@b.io");
    attributes.put("drop1", "x");
    attributes.put("drop2", "y");
    attributes.put("skip", "z");
    String config = "allowed_keys: [keep]\nignored_keys: [skip]\ndetectors: [email]\nsummary: ";

    Map<String, String> debug = attributes(redactOne(config + "debug\n", attributes));
    Map<String, String> info = attributes(redactOne(config + "info\n", attributes));
    Map<String, String> silent = attributes(redactOne(config + "silent\n", attributes));

    assertThat(debug)
        .containsEntry("redaction.redacted.keys", "drop1,drop2")
        .containsEntry("redaction.redacted.count", "2")
        .containsEntry("redaction.masked.keys", "keep")
        .containsEntry("redaction.masked.count", "1")
        .containsEntry("redaction.ignored.count", "1");
    assertThat(info)
        .containsEntry("redaction.redacted.count", "2")
        .containsEntry("redaction.masked.count", "1")
        .containsEntry("redaction.ignored.count", "1")
        .doesNotContainKeys("redaction.redacted.keys", "redaction.masked.keys");
    assertThat(silent).containsOnlyKeys("keep", "skip");
  }

  @Test
  void aSecondRedactionAddsToTheFirstSummary() {
    String config = "allowed_keys: [keep, again]\nsummary: debug\n";
    Span once = redactOne(config, Map.of("keep", "k", "first", "x"));

    Span twice = redact(config, once.toBuilder().addAttributes(kv("second", "y")).build());

    assertThat(attributes(twice))
        .containsEntry("redaction.redacted.keys", "first,second")
        .containsEntry("redaction.redacted.count", "2");
  }

  @Test
  void hashFunctionMaskIsTheDefaultWrittenOut() {
    Span out =
        redactOne(
            "allow_all_keys: true\ndetectors: [email]\nhash_function: mask\n",
            Map.of("a", "jane@example.com", "b", "mail jane@example.com"));

    assertThat(attributes(out)).containsEntry("a", "****").containsEntry("b", "mail ****");
  }

  @Test
  void equalValuesHashEquallyAndHmacDiffersFromPlainSha256() throws Exception {
    String email = "jane@example.com";
    Map<String, String> attributes = Map.of("a", email, "b", "mail " + email);

    Map<String, String> sha =
        attributes(
            redactOne(
                "allow_all_keys: true\ndetectors: [email]\nhash_function: sha256\n", attributes));
    Map<String, String> hmac =
        attributes(
            redactOne(
                "allow_all_keys: true\ndetectors: [email]\nhash_function: hmac-sha256\n"
                    + "hmac_key: s3cret\n",
                attributes));

    String plainDigest =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(email.getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String keyedDigest =
        HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
    assertThat(sha).containsEntry("a", plainDigest).containsEntry("b", "mail " + plainDigest);
    assertThat(hmac).containsEntry("a", keyedDigest).containsEntry("b", "mail " + keyedDigest);
    assertThat(keyedDigest).isNotEqualTo(plainDigest);
  }

  @Test
  void aBatchWithNothingToRedactKeepsItsBytes() {
    byte[] wire = request(span(Map.of("http.method", "GET"))).toByteArray();
    TraceBatch batch = BatchType.TRACES.fromWire(wire);

    processor("allow_all_keys: true\ndetectors: [email, credit_card]\nblocked_values: ['x{3}']\n")
        .consume(batch);

    assertThat(sink.only().hasWireBytes()).isTrue();
    assertThat(sink.only().toByteArray()).isSameAs(wire);
  }

  @Test
  void aConfigThatChangesNothingDoesNotDecode() {
    TraceBatch batch =
        BatchType.TRACES.fromWire(request(span(Map.of("email", "a@b.io"))).toByteArray());

    processor("allow_all_keys: true\nallowed_values: ['x']\nignored_keys: [y]\n").consume(batch);

    assertThat(sink.only().isDecoded()).isFalse();
  }

  @Test
  void onlyTheChangedSpanIsRebuilt() {
    Span clean = span(Map.of("k", "fine"));
    Span dirty = span(Map.of("k", "a@b.io"));
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(ScopeSpans.newBuilder().addSpans(clean).addSpans(dirty)))
            .build();
    TraceBatch batch = BatchType.TRACES.fromMessage(request);

    processor("allow_all_keys: true\ndetectors: [email]\n").consume(batch);

    ScopeSpans scope = sink.only().message().getResourceSpans(0).getScopeSpans(0);
    assertThat(scope.getSpans(0)).isSameAs(clean);
    assertThat(attributes(scope.getSpans(1))).containsEntry("k", "****");
  }

  @Test
  void nestedMapKeysPassTheKeyRulesToo() {
    AnyValue headers =
        AnyValue.newBuilder()
            .setKvlistValue(
                KeyValueList.newBuilder()
                    .addValues(kv("content-type", "json"))
                    .addValues(kv("authorization", "Basic dXNlcjpwYXNz")))
            .build();
    Span span = Span.newBuilder().addAttributes(kv("http.request.header", headers)).build();

    Span out = redact("allowed_keys: [http.request.header, content-type]\n", span);

    List<KeyValue> nested = out.getAttributes(0).getValue().getKvlistValue().getValuesList();
    assertThat(nested).extracting(KeyValue::getKey).containsExactly("content-type");
  }

  @Test
  void valuesNestedDeeperThanTheLimitAreMaskedWhole() {
    // Protobuf's parser stops at 100 levels of messages, about 30 of maps: test below that.
    AnyValue value = AnyValue.newBuilder().setStringValue("leaf").build();
    for (int i = 0; i < 20; i++) {
      value =
          AnyValue.newBuilder()
              .setKvlistValue(KeyValueList.newBuilder().addValues(kv("level", value)))
              .build();
    }
    Span span = Span.newBuilder().addAttributes(kv("deep", value)).build();

    Span out = redact("allow_all_keys: true\ndetectors: [email]\nmax_depth: 10\n", span);

    AnyValue at = out.getAttributes(0).getValue();
    int depth = 1;
    while (at.hasKvlistValue()) {
      at = at.getKvlistValue().getValues(0).getValue();
      depth++;
    }
    assertThat(depth).isEqualTo(11);
    assertThat(at.getStringValue()).isEqualTo("****");
    assertThat(counter("max_depth")).isEqualTo(1);
  }

  @Test
  void aHostileRegexMasksTheValueWholeQuicklyAndIsCounted() {
    String hostile = "a".repeat(30_000) + "b";

    long start = System.nanoTime();
    Span out =
        redactOne(
            "allow_all_keys: true\nblocked_values: ['(a+)+$']\n", Map.of("v", hostile, "w", "ok"));
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.println("redacting a 30,001-char hostile value took " + millis + " ms");
    assertThat(millis).isLessThan(1000);
    assertThat(attributes(out)).containsEntry("v", "****").containsEntry("w", "ok");
    assertThat(
            meters
                .get(RedactionMeters.REGEX_ABORTS)
                .tag("rule", "blocked_values[0]")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void cardNumbersHeldAsIntegersAreMasked() {
    Span span =
        Span.newBuilder()
            .addAttributes(kv("card", AnyValue.newBuilder().setIntValue(4111111111111111L).build()))
            .addAttributes(kv("count", AnyValue.newBuilder().setIntValue(1700000000000L).build()))
            .build();

    Span out = redact("allow_all_keys: true\ndetectors: [credit_card]\n", span);

    assertThat(out.getAttributes(0).getValue().getStringValue()).isEqualTo("****");
    assertThat(out.getAttributes(1).getValue().getIntValue()).isEqualTo(1700000000000L);
    assertThat(counter("credit_card")).isEqualTo(1);
  }

  @Test
  void logBodyMapKeysAreRedactedAndSummarizedOnTheRecord() {
    AnyValue body =
        AnyValue.newBuilder()
            .setKvlistValue(
                KeyValueList.newBuilder()
                    .addValues(kv("msg", "user a@b.io logged in"))
                    .addValues(kv("password", "hunter2")))
            .build();
    ExportLogsServiceRequest request =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .addScopeLogs(
                        ScopeLogs.newBuilder().addLogRecords(LogRecord.newBuilder().setBody(body))))
            .build();
    TestSink<LogBatch> logs = new TestSink<>();

    Processors.create(
            new RedactionFactory(),
            "allowed_keys: [msg]\ndetectors: [email]\nsummary: debug\n",
            BatchType.LOGS,
            meters,
            logs)
        .consume(BatchType.LOGS.fromMessage(request));

    LogRecord out = logs.only().message().getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(out.getBody().getKvlistValue().getValuesList())
        .containsExactly(kv("msg", "user **** logged in"));
    assertThat(attributes(out.getAttributesList()))
        .containsEntry("redaction.body.redacted.keys", "password")
        .containsEntry("redaction.body.masked.keys", "msg")
        .containsEntry("redaction.body.masked.count", "1");
  }

  @Test
  void aShareTakenBeforeRedactionKeepsTheOriginalData() {
    TraceBatch batch =
        BatchType.TRACES.fromWire(request(span(Map.of("email", "jane@example.com"))).toByteArray());
    TraceBatch shared = batch.share();
    byte[] before = shared.toByteArray().clone();

    processor("allow_all_keys: true\ndetectors: [email]\n").consume(batch);

    assertThat(attributes(sink.only().message().getResourceSpans(0).getScopeSpans(0).getSpans(0)))
        .containsEntry("email", "****");
    assertThat(shared.toByteArray()).isEqualTo(before);
    assertThat(shared.message().toString()).contains("jane@example.com");
    assertThat(processor("allow_all_keys: true\n").mutatesData()).isTrue();
  }

  private Processor<TraceBatch> processor(String yaml) {
    return Processors.create(new RedactionFactory(), yaml, BatchType.TRACES, meters, sink);
  }

  private Span redactOne(String yaml, Map<String, String> attributes) {
    return redact(yaml, span(attributes));
  }

  private Span redact(String yaml, Span span) {
    TestSink<TraceBatch> out = new TestSink<>();
    Processors.create(new RedactionFactory(), yaml, BatchType.TRACES, meters, out)
        .consume(BatchType.TRACES.fromWire(request(span).toByteArray()));
    return out.only().message().getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private double counter(String rule) {
    return meters.get(RedactionMeters.REDACTIONS).tag("rule", rule).counter().count();
  }

  static ExportTraceServiceRequest request(Span span) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build();
  }

  static Span span(Map<String, String> attributes) {
    Span.Builder span =
        Span.newBuilder().setName("span").setTraceId(ByteString.copyFrom(new byte[16]));
    attributes.forEach((key, value) -> span.addAttributes(kv(key, value)));
    return span.build();
  }

  static Map<String, String> attributes(Span span) {
    return attributes(span.getAttributesList());
  }

  static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      AnyValue value = kv.getValue();
      out.put(
          kv.getKey(),
          value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue());
    }
    return out;
  }

  static KeyValue kv(String key, String value) {
    return kv(key, AnyValue.newBuilder().setStringValue(value).build());
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }
}
