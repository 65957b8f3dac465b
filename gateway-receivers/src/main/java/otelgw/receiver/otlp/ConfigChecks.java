package otelgw.receiver.otlp;

import otelgw.config.ConfigNode;

/** Checks shared by the two protocol sections. */
final class ConfigChecks {

  // A request head is buffered whole before it is checked; more than this is not a head but an
  // attack.
  private static final int MAX_HEAD_SIZE = 1 << 20;

  private ConfigChecks() {}

  /**
   * Reports {@code key} as a Collector setting otelgw does not implement yet, rather than as an
   * unknown key: the config is right, otelgw is behind.
   */
  static void notSupportedYet(ConfigNode node, String key) {
    if (node.has(key)) {
      node.section(key); // marks it read, so finish() does not call it unknown too
      node.error(key, "'" + key + "' is not supported yet by otelgw's otlp receiver; remove it");
    }
  }

  /**
   * A size in bytes of a request part that is buffered whole (a header block, a request line), from
   * 1 byte to 1 MiB: zero would refuse everything, and an unbounded size would undo the limit. An
   * error leaves the default.
   */
  static int headSize(ConfigNode node, String key, int defaultValue) {
    long value = node.bytes(key, defaultValue);
    boolean ok = value >= 1 && value <= MAX_HEAD_SIZE;
    node.check(ok, key, "must be from 1 byte to 1MiB");
    return ok ? (int) value : defaultValue;
  }

  /** A count that must be at least 1, such as a connection limit. An error leaves the default. */
  static int atLeastOne(ConfigNode node, String key, int defaultValue) {
    int value = node.integer(key, defaultValue);
    node.check(value >= 1, key, "must be at least 1");
    return value >= 1 ? value : defaultValue;
  }

  /** Accepts {@code key} and ignores it: a Collector setting that changes nothing here. */
  static void ignored(ConfigNode node, String key) {
    node.bool(key, false);
  }
}
