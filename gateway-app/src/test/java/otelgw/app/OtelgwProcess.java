package otelgw.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code otelgw.jar} run as its own process, the way a user runs it. */
final class OtelgwProcess implements AutoCloseable {

  private final Process process;
  private final Path out;
  private final Path err;

  private OtelgwProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code java -jar otelgw.jar args...} with its output going to files. */
  static OtelgwProcess start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  /** Starts the jar with {@code env} added to this process's environment. */
  static OtelgwProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar());
    command.addAll(List.of(args));
    return start(command, env);
  }

  /**
   * Starts {@code bin/otelgw args...}, the launcher, on this JDK and the jar under test, with
   * {@code env} added.
   */
  static OtelgwProcess launch(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("otelgw.launcher", "../bin/otelgw"));
    command.addAll(List.of(args));
    Map<String, String> withJdk = new HashMap<>(env);
    withJdk.put("JAVA_HOME", System.getProperty("java.home"));
    withJdk.putIfAbsent("OTELGW_JAR", jar());
    return start(command, withJdk);
  }

  private static String jar() {
    return System.getProperty("otelgw.jar", "target/otelgw.jar");
  }

  private static OtelgwProcess start(List<String> command, Map<String, String> env)
      throws IOException {
    Path out = Files.createTempFile("otelgw-out", ".txt");
    Path err = Files.createTempFile("otelgw-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Process process =
        builder
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    return new OtelgwProcess(process, out, err);
  }

  /** Runs a command to its end and returns its exit code; output is in {@link #out()}. */
  static OtelgwProcess run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  /** Runs a command with {@code env} added to the environment. */
  static OtelgwProcess run(Map<String, String> env, String... args) throws Exception {
    OtelgwProcess process = start(env, args);
    if (!process.process.waitFor(60, TimeUnit.SECONDS)) {
      process.process.destroyForcibly();
      throw new AssertionError("otelgw " + String.join(" ", args) + " did not finish");
    }
    return process;
  }

  /** The process's id: the JVM's, for the launcher execs it. */
  long pid() {
    return process.pid();
  }

  int exitCode() {
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM, as an orchestrator does. */
  void terminate() {
    process.destroy();
  }

  boolean waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  String out() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String err() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
  }
}
