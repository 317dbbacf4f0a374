package io.longhaul.lab.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A device's answer: status and JSON body (empty for none). */
public record HttpAnswer(int status, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static HttpAnswer json(int status, Object value) {
    try {
      return new HttpAnswer(status, JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpAnswer ok(Object value) {
    return json(200, value);
  }

  /** {@code {"error": message}}, as the systems the lab imitates answer a refused request. */
  public static HttpAnswer error(int status, String message) {
    return json(status, Map.of("error", message));
  }
}
