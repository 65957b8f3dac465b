package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.OtlpJson;
import otelgw.core.otlp.OtlpJsonException;
import otelgw.core.otlp.OtlpJsonOptions;
import otelgw.core.otlp.WireDepth;

/**
 * A bounded, structure-aware fuzz run: the captured SDK requests, mutated with a fixed seed, fed to
 * the decoders and to the running HTTP receiver. Nothing may throw but the decoders' own
 * exceptions, nothing may be answered 5xx, and every request must be answered.
 */
class OtlpFuzzTest {

  private static final long SEED = 0x07E16_2026L;
  private static final int MUTATIONS = 5_000;
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final Set<Integer> EXPECTED = Set.of(200, 400, 413, 415);

  private final List<Seed> seeds = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private RunningReceiver running;
  private RawHttp http;

  private record Seed(Signal signal, byte[] body, boolean json) {}

  @BeforeEach
  void setUp() throws Exception {
    for (String name :
        List.of(
            "java-traces", "js-traces", "js-metrics", "js-logs-map-body", "js-logs-string-body")) {
      Signal signal =
          name.contains("traces")
              ? Signal.TRACES
              : name.contains("metrics") ? Signal.METRICS : Signal.LOGS;
      seeds.add(new Seed(signal, read(name + ".pb"), false));
      if (!name.startsWith("java")) {
        seeds.add(new Seed(signal, read(name + ".json"), true));
      }
    }
    running = RunningReceiver.start();
    http = new RawHttp(running.httpPort());
  }

  @AfterEach
  void tearDown() throws Exception {
    http.close();
    running.close();
  }

  @Test
  void survivesMutatedRequests() throws Exception {
    Random random = new Random(SEED);
    ProtobufMutator protobuf = new ProtobufMutator(random);
    JsonMutator json = new JsonMutator(random);
    int done = 0;
    int answered200 = 0;
    int acceptedButUnparseable = 0;
    long start = System.nanoTime();
    while (done < MUTATIONS && System.nanoTime() - start < BUDGET_NANOS) {
      Seed seed = seeds.get(random.nextInt(seeds.size()));
      byte[] body =
          seed.json()
              ? json.mutate(seed.body())
              : protobuf.mutate(seed.body(), seeds.get(random.nextInt(seeds.size())).body());
      acceptedButUnparseable += seed.json() ? decodeJson(seed, body) : decodeProtobuf(seed, body);
      int status = post(seed, body, random.nextInt(10) == 0);
      if (!EXPECTED.contains(status)) {
        failures.add("HTTP " + status + " for " + describe(seed, body));
      }
      answered200 += status == 200 ? 1 : 0;
      done++;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "fuzz: %d mutations in %d ms, %d answered 200, %d protobuf accepted at the edge but not"
            + " parseable later (invalid UTF-8 and the like: counted drops if a stage decodes)%n",
        done, millis, answered200, acceptedButUnparseable);

    assertThat(failures).isEmpty();
    assertThat(done).isGreaterThan(1_000);
  }

  /** Returns 1 if the edge takes it but the parser would not. */
  private int decodeProtobuf(Seed seed, byte[] body) {
    BatchType<?, ?> type = BatchType.of(seed.signal());
    Batch<?> batch;
    try {
      batch = type.fromWire(body);
      WireDepth.check(seed.signal(), body);
    } catch (MalformedBatchException | MalformedProtobufException e) {
      return 0;
    } catch (RuntimeException | StackOverflowError e) {
      failures.add(e + " from the wire checks of " + describe(seed, body));
      return 0;
    }
    try {
      batch.message();
      return 0;
    } catch (MalformedBatchException e) {
      if (e.getMessage() != null && e.getMessage().contains("recursion")) {
        failures.add("passed the depth check but too deep to parse: " + describe(seed, body));
      }
      return 1;
    } catch (RuntimeException | StackOverflowError e) {
      failures.add(e + " parsing " + describe(seed, body));
      return 0;
    }
  }

  /** What JSON decodes to must pass the wire checks too. */
  private int decodeJson(Seed seed, byte[] body) {
    BatchType<?, ?> type = BatchType.of(seed.signal());
    Message message;
    try {
      message =
          OtlpJson.decode(body, 0, body.length, type.defaultInstance(), OtlpJsonOptions.defaults());
    } catch (OtlpJsonException e) {
      return 0;
    } catch (RuntimeException | StackOverflowError e) {
      failures.add(e + " decoding " + describe(seed, body));
      return 0;
    }
    try {
      byte[] wire = message.toByteArray();
      type.fromWire(wire);
      WireDepth.check(seed.signal(), wire);
      type.parser().parseFrom(wire);
    } catch (MalformedBatchException
        | MalformedProtobufException
        | InvalidProtocolBufferException e) {
      failures.add(
          "decoded JSON fails on the wire (" + e.getMessage() + "): " + describe(seed, body));
    }
    return 0;
  }

  private int post(Seed seed, byte[] body, boolean gzip) throws Exception {
    String path = "/v1/" + seed.signal().configName();
    String type = seed.json() ? "application/json" : "application/x-protobuf";
    RawHttp.Response answer;
    try {
      answer =
          gzip
              ? http.post(path, type, OtlpHttpReceiverTest.gzip(body), "Content-Encoding: gzip")
              : http.post(path, type, body);
    } catch (IOException e) {
      failures.add("no answer (" + e.getMessage() + ") to " + describe(seed, body));
      reconnect();
      return -1;
    }
    if ("close".equals(answer.header("connection"))) {
      reconnect();
    }
    return answer.status();
  }

  private void reconnect() throws IOException {
    http.close();
    http = new RawHttp(running.httpPort());
  }

  private static String describe(Seed seed, byte[] body) {
    String text =
        seed.json()
            ? new String(body, java.nio.charset.StandardCharsets.UTF_8)
            : HexFormat.of().formatHex(body);
    return seed.signal()
        + (seed.json() ? " JSON " : " protobuf ")
        + text.substring(0, Math.min(400, text.length()));
  }

  private static byte[] read(String name) throws IOException {
    return Files.readAllBytes(OtlpHttpReceiverTest.TESTDATA.resolve(name));
  }
}
