package otelgw.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * otelgw's command line. With no command it runs the gateway; {@code validate}, {@code
 * print-config} and {@code components} inspect a config or the build. Exit codes: 0 ok, 1 invalid
 * config or failed start, 2 usage.
 */
@Command(
    name = "otelgw",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "An OpenTelemetry gateway: OTLP in, processors, OTLP out.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      PrintConfigCommand.class,
      ComponentsCommand.class
    })
public final class Main implements Callable<Integer> {

  @Mixin GatewayRun run = new GatewayRun();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return run.run(spec);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (error, commandLine, parseResult) -> {
              commandLine.getErr().println("otelgw: " + error.getMessage());
              return 1;
            });
  }
}
