package otelgw.core.processor.probabilisticsampler;

/** How many spans of a request a sampler keeps and drops. */
record Tally(int kept, int dropped) {}
