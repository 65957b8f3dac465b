package otelgw.core.regex;

/** Receives the ranges a scan found in a text, as {@code [start, end)} char offsets. */
@FunctionalInterface
public interface MatchSink {

  void match(int start, int end);
}
