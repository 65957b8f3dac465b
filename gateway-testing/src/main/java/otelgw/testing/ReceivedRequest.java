package otelgw.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One request the backend accepted.
 *
 * @param signal which OTLP service it was sent to
 * @param transport how it arrived
 * @param headers HTTP headers or gRPC metadata, names lower-cased, values in arrival order; binary
 *     ({@code -bin}) metadata is base64-encoded
 * @param message the parsed {@code Export*ServiceRequest}
 * @param body the serialized request: over HTTP the exact bytes received after gzip decoding, over
 *     gRPC the message re-serialized
 */
public record ReceivedRequest(
    OtlpSignal signal,
    Transport transport,
    Map<String, List<String>> headers,
    Message message,
    ByteString body) {

  public ReceivedRequest {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(transport, "transport");
    headers = immutableHeaders(headers);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(body, "body");
  }

  /** The first value of header {@code name}, matched case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  static Map<String, List<String>> immutableHeaders(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }
}
