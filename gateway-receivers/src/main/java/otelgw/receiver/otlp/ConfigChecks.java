package otelgw.receiver.otlp;

import otelgw.config.ConfigNode;

/** Checks shared by the two protocol sections. */
final class ConfigChecks {

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

  /** Accepts {@code key} and ignores it: a Collector setting that changes nothing here. */
  static void ignored(ConfigNode node, String key) {
    node.bool(key, false);
  }
}
