package otelgw.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot run, with every error found in it. */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String path, String message) {
    this(List.of(new ConfigProblem(ConfigProblem.Severity.ERROR, path, 0, message)));
  }

  /** Every problem found, errors and warnings, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    return "invalid configuration:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
