package otelgw.core.processor.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannersTest {

  static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUifQ"
          + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  private static List<String> found(Detector detector, String text) {
    List<String> found = new ArrayList<>();
    detector.scanner().scan(text, (start, end) -> found.add(text.substring(start, end)));
    return found;
  }

  @Test
  void cardNumbersPassTheLuhnCheck() {
    assertThat(found(Detector.CREDIT_CARD, "card 4111 1111 1111 1111 ok"))
        .containsExactly("4111 1111 1111 1111");
    assertThat(found(Detector.CREDIT_CARD, "4111-1111-1111-1111")).hasSize(1);
    assertThat(found(Detector.CREDIT_CARD, "n=4111111111111111;"))
        .containsExactly("4111111111111111");
    assertThat(found(Detector.CREDIT_CARD, "amex 3782 822463 10005"))
        .containsExactly("3782 822463 10005");
    assertThat(found(Detector.CREDIT_CARD, "ref 12 4111 1111 1111 1111"))
        .containsExactly("4111 1111 1111 1111");
    assertThat(found(Detector.CREDIT_CARD, "5500 0000 0000 0004 and 4012888888881881"))
        .containsExactly("5500 0000 0000 0004", "4012888888881881");
  }

  @Test
  void cardLookalikesAreLeftAlone() {
    assertThat(found(Detector.CREDIT_CARD, "4111 1111 1111 1112")).isEmpty(); // Luhn fails
    assertThat(found(Detector.CREDIT_CARD, "ts=1700000000000 ns=1700000000000000000")).isEmpty();
    assertThat(found(Detector.CREDIT_CARD, "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1")).isEmpty();
    assertThat(found(Detector.CREDIT_CARD, "2024-01-15 and 4111111111111111111111")).isEmpty();
    assertThat(found(Detector.CREDIT_CARD, "call 555-123-4567")).isEmpty();
  }

  @Test
  void emailAddresses() {
    assertThat(found(Detector.EMAIL, "from alice.smith+tag@mail.example.co.uk, hi"))
        .containsExactly("alice.smith+tag@mail.example.co.uk");
    assertThat(found(Detector.EMAIL, "to bob@example.com.")).containsExactly("bob@example.com");
    assertThat(found(Detector.EMAIL, "a@b c@localhost @example.com x@y.c")).isEmpty();
    assertThat(found(Detector.EMAIL, "a@b.io@c.io")).containsExactly("a@b.io");
  }

  @Test
  void ipv4Addresses() {
    assertThat(found(Detector.IPV4, "from 192.168.1.10:8080 and 10.0.0.1."))
        .containsExactly("192.168.1.10", "10.0.0.1");
    assertThat(found(Detector.IPV4, "version 1.2.3.4.5, 256.1.1.1, 1.2.3")).isEmpty();
  }

  @Test
  void ipv6Addresses() {
    assertThat(found(Detector.IPV6, "peer 2001:db8::8a2e:370:7334 up"))
        .containsExactly("2001:db8::8a2e:370:7334");
    assertThat(found(Detector.IPV6, "[::1]:443")).containsExactly("::1");
    assertThat(found(Detector.IPV6, "fe80::1%eth0")).containsExactly("fe80::1");
    assertThat(found(Detector.IPV6, "::ffff:192.0.2.128")).containsExactly("::ffff:192.0.2.128");
    assertThat(found(Detector.IPV6, "2001:0db8:85a3:0000:0000:8a2e:0370:7334"))
        .containsExactly("2001:0db8:85a3:0000:0000:8a2e:0370:7334");
    assertThat(found(Detector.IPV6, "addr 2001:db8::1: next")).containsExactly("2001:db8::1");
  }

  @Test
  void ipv6LookalikesAreLeftAlone() {
    assertThat(found(Detector.IPV6, "std::vector Foo::Bar")).isEmpty();
    assertThat(found(Detector.IPV6, "mac 00:1a:2b:3c:4d:5e at 12:30:45")).isEmpty();
    assertThat(found(Detector.IPV6, "a :: b, 1:2:3:4:5:6:7:8:9")).isEmpty();
  }

  @Test
  void jsonWebTokens() {
    assertThat(found(Detector.JWT, "token=" + JWT + "&x=1")).containsExactly(JWT);
    String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
    assertThat(found(Detector.JWT, unsigned)).containsExactly(unsigned);
    assertThat(found(Detector.JWT, "x" + JWT)).isEmpty();
    assertThat(found(Detector.JWT, "eyJhbGciOiJIUzI1NiJ9 alone")).isEmpty();
  }

  @Test
  void bearerTokens() {
    assertThat(found(Detector.BEARER_TOKEN, "Authorization: Bearer abc.def"))
        .containsExactly("abc.def");
    assertThat(found(Detector.BEARER_TOKEN, "bearer \t tok3n_value=="))
        .containsExactly("tok3n_value==");
    assertThat(found(Detector.BEARER_TOKEN, "Bearer abcdefghijklmnopqrstuvwxyz"))
        .containsExactly("abcdefghijklmnopqrstuvwxyz");
    assertThat(found(Detector.BEARER_TOKEN, "the bearer of this note; Bearer")).isEmpty();
  }

  @Test
  void socialSecurityNumbers() {
    assertThat(found(Detector.US_SSN, "ssn 123-45-6789.")).containsExactly("123-45-6789");
    assertThat(
            found(
                Detector.US_SSN,
                "000-12-3456 666-12-3456 900-12-3456 123-00-6789 123-45-0000 1123-45-6789"
                    + " 123-45-67890 9-123-45-6789"))
        .isEmpty();
  }

  @Test
  void ibansPassTheMod97Check() {
    assertThat(found(Detector.IBAN, "pay DE89370400440532013000 now"))
        .containsExactly("DE89370400440532013000");
    assertThat(found(Detector.IBAN, "IBAN DE89 3704 0044 0532 0130 00 EUR"))
        .containsExactly("DE89 3704 0044 0532 0130 00");
    assertThat(found(Detector.IBAN, "GB82WEST12345698765432")).hasSize(1);
    assertThat(found(Detector.IBAN, "DE89370400440532013001 XDE89370400440532013000")).isEmpty();
  }

  @Test
  void scannersAreLinearOnHostileInput() {
    String[] units = {
      "a@", "eyJ", "eyJa.", "1 ", "1-", "4111 ", "a:", "1:", "::", "1.", "Bearer ", "AA11 ", "DE89",
      "123-45-", "@a.", "a"
    };
    for (Detector detector : Detector.values()) {
      for (String unit : units) {
        String hostile = unit.repeat(1_000_000 / unit.length());
        long start = System.nanoTime();
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> detector.scanner().scan(hostile, (s, e) -> {}));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > 100) {
          System.out.println(detector + " on 1 MB of '" + unit + "': " + millis + " ms");
        }
      }
    }
  }
}
