package otelgw.app;

import java.util.concurrent.Callable;
import otelgw.config.ConfigException;
import otelgw.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints the effective config: files merged, overrides and environment applied, secrets masked.
 * Like the Collector's {@code print-config}, it validates first: a config that would not start is
 * listed as errors and exits 1, rather than printed as if it were fine.
 */
@Command(
    name = "print-config",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Print the effective config with secrets masked.")
final class PrintConfigCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      GatewayConfig loaded = config.source().resolve().config();
      spec.commandLine().getOut().print(loaded.toMaskedYaml());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (ConfigException e) {
      ConfigErrors.print(e, spec.commandLine().getErr());
      return 1;
    }
  }
}
