package otelgw.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one config load, so validation can report all of them at once. */
public final class ConfigProblems {

  private final List<ConfigProblem> problems = new ArrayList<>();

  public void error(String path, int line, String message) {
    problems.add(new ConfigProblem(ConfigProblem.Severity.ERROR, path, line, message));
  }

  public void warning(String path, int line, String message) {
    problems.add(new ConfigProblem(ConfigProblem.Severity.WARNING, path, line, message));
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
  }

  public List<ConfigProblem> all() {
    return List.copyOf(problems);
  }

  public List<ConfigProblem> warnings() {
    return problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.WARNING).toList();
  }

  /** Throws a {@link ConfigException} listing every problem if any of them is an error. */
  public void throwIfErrors() throws ConfigException {
    if (hasErrors()) {
      throw new ConfigException(problems);
    }
  }
}
