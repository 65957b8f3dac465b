package otelgw.app;

import java.io.PrintWriter;
import otelgw.config.ConfigException;
import otelgw.config.ConfigProblem;

/** Prints a config's problems for a person: one per line, path first. */
final class ConfigErrors {

  private ConfigErrors() {}

  static void print(ConfigException e, PrintWriter err) {
    long errors =
        e.problems().stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
    err.println("invalid configuration: " + errors + (errors == 1 ? " error" : " errors"));
    for (ConfigProblem problem : e.problems()) {
      err.println("  " + problem);
    }
    err.flush();
  }
}
