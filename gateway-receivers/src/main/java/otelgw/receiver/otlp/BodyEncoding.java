package otelgw.receiver.otlp;

import com.google.protobuf.Message;
import java.util.Locale;
import otelgw.core.otlp.OtlpJson;

/** The two OTLP/HTTP body encodings, chosen by {@code Content-Type}; answers use the same one. */
enum BodyEncoding {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private final String mediaType;

  BodyEncoding(String mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * The encoding a {@code Content-Type} header names, ignoring parameters such as {@code ;
   * charset=utf-8} and case; null if it names neither (or is absent).
   */
  static BodyEncoding ofContentType(String header) {
    if (header == null) {
      return null;
    }
    int semicolon = header.indexOf(';');
    String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    for (BodyEncoding encoding : values()) {
      if (encoding.mediaType.equals(type.toLowerCase(Locale.ROOT))) {
        return encoding;
      }
    }
    return null;
  }

  String mediaType() {
    return mediaType;
  }

  /** {@code message} in this encoding. */
  byte[] encode(Message message) {
    return this == PROTOBUF ? message.toByteArray() : OtlpJson.encode(message);
  }
}
