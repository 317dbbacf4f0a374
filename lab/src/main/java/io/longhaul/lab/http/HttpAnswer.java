package io.longhaul.lab.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A device's answer: status, body (empty for none) and its content type (JSON unless said). */
public record HttpAnswer(int status, String body, String contentType) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpAnswer(int status, String body) {
    this(status, body, "application/json");
  }

  /** Plain text, as the fsck servlet answers. */
  public static HttpAnswer text(int status, String body) {
    return new HttpAnswer(status, body, "text/plain; charset=utf-8");
  }

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
