package otelgw.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import otelgw.config.ConfigException;
import otelgw.core.pipeline.ResolvedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks a config without running it: every error with its YAML path, exit 1 if any. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Check a config and list every error in it.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConfigSource source = config.source();
    try {
      ResolvedConfig resolved = source.resolve();
      resolved.config().problems().warnings().forEach(w -> out.println(w));
      out.println(source.describe() + " is valid");
      out.flush();
      return 0;
    } catch (ConfigException e) {
      ConfigErrors.print(e, spec.commandLine().getErr());
      return 1;
    }
  }
}
