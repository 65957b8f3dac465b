package otelgw.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import otelgw.config.ComponentKind;
import otelgw.config.Signal;
import otelgw.core.component.Factories;
import otelgw.core.component.Factory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the component types this build has, with their stability and signals. */
@Command(
    name = "components",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "List every receiver, processor, exporter and extension type.")
final class ComponentsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Factories factories = Components.all();
    for (ComponentKind kind : ComponentKind.values()) {
      out.println(kind.section() + ":");
      for (Factory<?> factory : factories.all(kind)) {
        String signals =
            factory.signals().stream()
                .sorted()
                .map(Signal::configName)
                .collect(Collectors.joining(", "));
        out.printf(
            "  %-22s %-12s %s%n",
            factory.type(), factory.stability(), signals.isEmpty() ? "" : "[" + signals + "]");
      }
    }
    out.flush();
    return 0;
  }
}
