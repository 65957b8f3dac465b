package otelgw.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM the load test starts, measures through /proc and jcmd, and stops: otelgw or the relay. */
final class TargetProcess implements AutoCloseable {

  // One line for G1's whole heap; one per generation for Parallel and Serial (young, then old).
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private final Process process;
  private final List<String> command;

  private TargetProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
  }

  /** Starts {@code command} with {@code env} added, its output appended to {@code log}. */
  static TargetProcess start(List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new TargetProcess(builder.start(), List.copyOf(command));
  }

  long pid() {
    return process.pid();
  }

  List<String> command() {
    return command;
  }

  /** Waits until every port accepts connections, or fails after {@code timeout}. */
  void awaitListening(Duration timeout, int... ports) throws IOException, InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    for (int port : ports) {
      while (true) {
        if (!process.isAlive()) {
          throw new IOException("the process exited with " + process.exitValue() + ": " + command);
        }
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
          break;
        } catch (IOException e) {
          if (System.nanoTime() > until) {
            throw new IOException("port " + port + " is not listening after " + timeout);
          }
          Thread.sleep(50);
        }
      }
    }
  }

  /** Runs a full GC in the target, then reads its heap use: the live heap, in bytes. */
  long heapAfterGcBytes() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    long kib = -1;
    while (used.find()) {
      kib = Math.max(kib, 0) + Long.parseLong(used.group(1));
    }
    return kib < 0 ? -1 : kib * 1024;
  }

  /** The JVM's flags as it runs, ergonomic choices included (jcmd VM.flags). */
  String vmFlags() throws IOException, InterruptedException {
    String out = jcmd("VM.flags");
    int colon = out.indexOf(":\n");
    return (colon >= 0 ? out.substring(colon + 2) : out).trim();
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> args = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid()), command));
    Process run = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    run.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
