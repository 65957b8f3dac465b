package otelgw.benchmarks.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import otelgw.benchmarks.RealisticSpans;
import otelgw.config.Signal;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.OtlpJson;
import otelgw.core.otlp.OtlpJsonException;
import otelgw.core.otlp.WireDepth;
import otelgw.core.otlp.WireItemCounter;

/**
 * Decoding and encoding one OTLP trace request of {@code spans} realistic spans: what a full
 * protobuf parse and re-serialization costs, against the wire scan a lazy batch does instead, and
 * the OTLP/JSON codec HTTP clients may use. Divide by {@code spans} for the cost per span (the
 * summary tool does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

  @Param({"1", "100", "1000"})
  public int spans;

  private byte[] protobuf;
  private byte[] json;
  private ExportTraceServiceRequest message;

  @Setup
  public void setUp() {
    message = RealisticSpans.request(spans);
    protobuf = message.toByteArray();
    json = OtlpJson.encode(message);
  }

  /** protobuf-java's generated parser: what a Collector-style gateway does to every request. */
  @Benchmark
  public ExportTraceServiceRequest protobufParse() throws InvalidProtocolBufferException {
    return ExportTraceServiceRequest.parseFrom(protobuf);
  }

  /** Serializing a parsed request again (a fresh parse each time, as its size is memoized). */
  @Benchmark
  public byte[] protobufParseAndSerialize() throws InvalidProtocolBufferException {
    return ExportTraceServiceRequest.parseFrom(protobuf).toByteArray();
  }

  /** Serializing a message whose size is already known: the encoder alone. */
  @Benchmark
  public byte[] protobufSerialize() {
    return message.toByteArray();
  }

  /** otelgw's receive path: a structural scan of the wire bytes that counts the spans. */
  @Benchmark
  public int wireCount() throws MalformedProtobufException {
    return WireItemCounter.count(Signal.TRACES, protobuf);
  }

  /** The receiver's nesting-depth check of each request, from its wire bytes. */
  @Benchmark
  public byte[] wireDepthCheck() throws MalformedProtobufException {
    WireDepth.check(Signal.TRACES, protobuf);
    return protobuf;
  }

  @Benchmark
  public ExportTraceServiceRequest jsonDecode() throws OtlpJsonException {
    return OtlpJson.decode(json, ExportTraceServiceRequest.getDefaultInstance());
  }

  @Benchmark
  public byte[] jsonEncode() {
    return OtlpJson.encode(message);
  }
}
