package io.longhaul.workflows.common;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.GlobalDataConverter;

/**
 * Step results and edited inputs as JSON, through Temporal's own data converter: pure functions, so
 * safe in workflow code, and the same JSON Temporal writes into history.
 */
final class JsonValues {
  private static final ByteString JSON_PLAIN = ByteString.copyFromUtf8("json/plain");

  private JsonValues() {}

  static String toJson(Object value) {
    if (value == null) {
      return null;
    }
    DataConverter converter = GlobalDataConverter.get();
    Payload p = converter.toPayload(value).orElseThrow();
    return p.getMetadataOrDefault("encoding", ByteString.EMPTY).equals(JSON_PLAIN)
        ? p.getData().toStringUtf8()
        : null;
  }

  static <T> T fromJson(String json, Class<T> type) {
    if (json == null || type == Void.class) {
      return null;
    }
    Payload p =
        Payload.newBuilder()
            .putMetadata("encoding", JSON_PLAIN)
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return GlobalDataConverter.get().fromPayload(p, type, type);
  }

  /** An edited input (a JSON object as a map) as the step's input record. */
  static <T> T convert(Object value, Class<T> type) {
    return fromJson(toJson(value), type);
  }
}
