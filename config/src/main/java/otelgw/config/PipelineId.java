package otelgw.config;

/** A pipeline's key under {@code service.pipelines}: {@code traces} or {@code traces/name}. */
public record PipelineId(Signal signal, String name) implements Comparable<PipelineId> {

  /**
   * Parses {@code traces}, {@code metrics/internal} and the like.
   *
   * @throws IllegalArgumentException when the part before the slash is not a signal
   */
  public static PipelineId parse(String id) {
    int slash = id.indexOf('/');
    String signalName = slash < 0 ? id : id.substring(0, slash);
    Signal signal =
        Signal.fromConfigName(signalName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'" + signalName + "' is not a signal: use traces, metrics or logs"));
    return new PipelineId(signal, slash < 0 ? "" : id.substring(slash + 1));
  }

  @Override
  public int compareTo(PipelineId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return name.isEmpty() ? signal.configName() : signal.configName() + "/" + name;
  }
}
