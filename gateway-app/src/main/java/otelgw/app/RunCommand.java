package otelgw.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code otelgw run}: runs the gateway, as {@code otelgw} with no command does. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Run the gateway (the default command).")
final class RunCommand implements Callable<Integer> {

  @Mixin GatewayRun run = new GatewayRun();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return run.run(spec);
  }
}
