package otelgw.core.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;

/**
 * Broken wire bytes: the only exception is MalformedProtobufException, with a short message, and
 * whatever the counter rejects the protobuf parser rejects too.
 */
class WireItemCounterMalformedTest {

  @Test
  void rejectsALengthPastTheEnd() {
    assertThat(error(0x0A, 0x05, 1, 2))
        .isEqualTo("truncated message: field 1 declares 5 bytes, 2 remain");
    // Inside a resource: the inner length is checked against the resource's own end.
    assertThat(error(0x0A, 0x04, 0x12, 0x03, 0x12, 0x01, 0x0A))
        .isEqualTo("truncated message: field 2 declares 3 bytes, 2 remain");
  }

  @Test
  void rejectsBadVarints() {
    assertThat(error(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01))
        .isEqualTo("malformed varint at byte 1: longer than 10 bytes");
    assertThat(error(0x08, 0x80))
        .isEqualTo("truncated message: varint at byte 1 runs past the end");
    assertThat(error(0x80)).isEqualTo("truncated message: varint at byte 0 runs past the end");
  }

  @Test
  void rejectsInvalidTags() {
    assertThat(error(0x1E, 0x00)).isEqualTo("invalid wire type 6 for field 3 at byte 0");
    assertThat(error(0x08, 0x01, 0x1F)).isEqualTo("invalid wire type 7 for field 3 at byte 2");
    assertThat(error(0x00)).isEqualTo("invalid field number 0 at byte 0");
    assertThat(error(0x02, 0x00)).isEqualTo("invalid field number 0 at byte 0");
  }

  @Test
  void rejectsTruncatedFixedWidthFields() {
    assertThat(error(0x09, 1, 2, 3))
        .isEqualTo("truncated message: field 1 needs 8 bytes, 3 remain");
    assertThat(error(0x15, 1)).isEqualTo("truncated message: field 2 needs 4 bytes, 1 remain");
  }

  @Test
  void rejectsUnbalancedGroups() {
    assertThat(error(0x2C)).isEqualTo("unexpected end-group tag for field 5 at byte 0");
    assertThat(error(0x23, 0x2C))
        .isEqualTo("end-group tag for field 5 at byte 1 does not close group 4");
    assertThat(error(0x23, 0x08, 0x01)).isEqualTo("truncated message: group 4 is not closed");
  }

  @Test
  void limitsGroupNesting() throws Exception {
    assertThat(WireItemCounter.count(Signal.TRACES, nestedGroups(WireScanner.MAX_GROUP_DEPTH)))
        .isZero();
    assertThat(error(nestedGroups(WireScanner.MAX_GROUP_DEPTH + 1)))
        .isEqualTo("groups nested deeper than 100 at byte 100");
  }

  @Test
  void rejectsOrCountsEveryTruncationOfValidRequests() throws Exception {
    for (Sample sample : samples()) {
      for (int length = 0; length <= sample.bytes.length; length++) {
        byte[] prefix = Arrays.copyOf(sample.bytes, length);
        assertAgreesWithTheParser(sample, prefix, sample.name + " cut to " + length);
      }
    }
  }

  @Test
  void survivesRandomMutationsOfValidRequests() throws Exception {
    List<Sample> samples = samples();
    Random random = new Random(0x07E1_6A7EL);
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      byte[] mutated = mutate(sample.bytes, random);
      if (!assertAgreesWithTheParser(sample, mutated, sample.name + " mutation " + i)) {
        rejected++;
      }
    }
    // Most mutations break the framing somewhere; make sure the loop exercised both paths.
    assertThat(rejected).isBetween(1_000, 19_000);
  }

  /** Returns whether the counter accepted the bytes. */
  private static boolean assertAgreesWithTheParser(Sample sample, byte[] bytes, String what)
      throws Exception {
    Message parsed;
    try {
      parsed = sample.type.getParserForType().parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      parsed = null;
    }
    Throwable thrown = catchThrowable(() -> WireItemCounter.count(sample.signal, bytes));
    if (thrown != null) {
      assertThat(thrown).as(what).isInstanceOf(MalformedProtobufException.class);
      assertThat(thrown.getMessage()).as(what).hasSizeLessThan(100);
      assertThat(parsed).as(what + ": the parser accepts what the counter rejects").isNull();
      return false;
    }
    if (parsed != null) {
      assertThat(WireItemCounter.count(sample.signal, bytes)).as(what).isEqualTo(items(parsed));
    }
    return true;
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        // Overwrite a few bytes with anything.
        for (int m = 1 + random.nextInt(3); m > 0 && bytes.length > 0; m--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> {
        // Nudge a byte: lengths and tags off by one.
        if (bytes.length > 0) {
          bytes[random.nextInt(bytes.length)] += random.nextBoolean() ? 1 : -1;
        }
      }
      case 2 -> {
        // Drop a byte.
        if (bytes.length > 0) {
          int at = random.nextInt(bytes.length);
          byte[] shorter = new byte[bytes.length - 1];
          System.arraycopy(bytes, 0, shorter, 0, at);
          System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
          bytes = shorter;
        }
      }
      default -> {
        // Insert a byte.
        int at = random.nextInt(bytes.length + 1);
        byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, at);
        longer[at] = (byte) random.nextInt(256);
        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
        bytes = longer;
      }
    }
    return bytes;
  }

  private record Sample(String name, Signal signal, Message type, byte[] bytes) {}

  private static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    samples.add(trace("java-traces.pb", TestData.read("java-traces.pb")));
    samples.add(trace("js-traces.pb", TestData.read("js-traces.pb")));
    samples.add(
        new Sample(
            "js-metrics.pb",
            Signal.METRICS,
            ExportMetricsServiceRequest.getDefaultInstance(),
            TestData.read("js-metrics.pb")));
    samples.add(
        new Sample(
            "js-logs-map-body.pb",
            Signal.LOGS,
            ExportLogsServiceRequest.getDefaultInstance(),
            TestData.read("js-logs-map-body.pb")));
    RandomRequests random = new RandomRequests(7);
    ExportMetricsServiceRequest metrics = random.metrics();
    while (RandomRequests.items(metrics) < 5) {
      metrics = random.metrics();
    }
    samples.add(
        new Sample(
            "generated metrics",
            Signal.METRICS,
            ExportMetricsServiceRequest.getDefaultInstance(),
            metrics.toByteArray()));
    return samples;
  }

  private static Sample trace(String name, byte[] bytes) {
    return new Sample(name, Signal.TRACES, ExportTraceServiceRequest.getDefaultInstance(), bytes);
  }

  private static int items(Message parsed) {
    if (parsed instanceof ExportTraceServiceRequest traces) {
      return RandomRequests.items(traces);
    } else if (parsed instanceof ExportMetricsServiceRequest metrics) {
      return RandomRequests.items(metrics);
    }
    return RandomRequests.items((ExportLogsServiceRequest) parsed);
  }

  // Start-group tags of field 4 (0x23) nested `depth` deep, then their end-group tags (0x24).
  private static byte[] nestedGroups(int depth) {
    byte[] bytes = new byte[depth * 2];
    Arrays.fill(bytes, 0, depth, (byte) 0x23);
    Arrays.fill(bytes, depth, depth * 2, (byte) 0x24);
    return bytes;
  }

  private static String error(int... unsignedBytes) {
    byte[] bytes = new byte[unsignedBytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) unsignedBytes[i];
    }
    return error(bytes);
  }

  private static String error(byte[] bytes) {
    Throwable thrown = catchThrowable(() -> WireItemCounter.count(Signal.TRACES, bytes));
    assertThat(thrown).isInstanceOf(MalformedProtobufException.class);
    return thrown.getMessage();
  }
}
