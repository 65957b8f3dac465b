package otelgw.core.processor.redaction;

import java.util.Optional;

/**
 * The built-in detectors of sensitive values, switched on by name under {@code detectors}. Each is
 * a hand-written scanner that runs in time linear in the length of the value, on every string value
 * however long.
 */
public enum Detector {
  CREDIT_CARD("credit_card", new CardNumberScanner()),
  EMAIL("email", new EmailScanner()),
  IPV4("ipv4", new Ipv4Scanner()),
  IPV6("ipv6", new Ipv6Scanner()),
  JWT("jwt", new JwtScanner()),
  BEARER_TOKEN("bearer_token", new BearerTokenScanner()),
  US_SSN("us_ssn", new UsSsnScanner()),
  IBAN("iban", new IbanScanner());

  private final String configName;
  private final Scanner scanner;

  Detector(String configName, Scanner scanner) {
    this.configName = configName;
    this.scanner = scanner;
  }

  /** The name in config, which is also the {@code rule} tag of its redaction counter. */
  public String configName() {
    return configName;
  }

  Scanner scanner() {
    return scanner;
  }

  static Optional<Detector> byName(String name) {
    for (Detector detector : values()) {
      if (detector.configName.equals(name)) {
        return Optional.of(detector);
      }
    }
    return Optional.empty();
  }
}
