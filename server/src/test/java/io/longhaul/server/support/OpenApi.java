package io.longhaul.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's own OpenAPI document (/v3/api-docs), read as the tests' list of operations: each
 * with its method, path, and the JSON Schema of its request body (references resolved).
 */
public final class OpenApi {
  private final JsonNode document;

  public record Operation(String method, String path, JsonNode bodySchema, boolean bodyRequired) {
    /** The path with every {parameter} filled in with {@code value}. */
    public String concrete(String value) {
      return path.replaceAll("\\{[^}]+}", value);
    }

    public boolean takesBody() {
      return bodySchema != null;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private OpenApi(JsonNode document) {
    this.document = document;
  }

  public static OpenApi of(ApiClient client) {
    var r = client.get("/v3/api-docs");
    if (r.status() != 200 || r.body() == null) {
      throw new IllegalStateException("GET /v3/api-docs answered " + r.status());
    }
    return new OpenApi(r.body());
  }

  public List<Operation> operations() {
    List<Operation> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      var path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        var op = ops.next();
        JsonNode body = op.getValue().path("requestBody");
        JsonNode schema = body.path("content").path("application/json").path("schema");
        all.add(
            new Operation(
                op.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                schema.isMissingNode() ? null : resolve(schema),
                body.path("required").asBoolean(false)));
      }
    }
    return all;
  }

  /** A schema with its $ref (if any) replaced by the component it names. */
  public JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = document.at(ref.substring(1));
    }
    return s;
  }

  /**
   * A value of the schema's shape, each required field made to pass its pattern, enum, type and
   * bounds (a request built from it may still be refused for what a schema cannot say).
   */
  public JsonNode sample(JsonNode schema) {
    JsonNode s = resolve(schema);
    var f = JsonNodeFactory.instance;
    if (s.has("enum")) {
      return s.get("enum").get(0);
    }
    String type = s.path("type").asText(s.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> {
        // Only the required fields: optional ones may exclude each other (oneOf).
        ObjectNode o = f.objectNode();
        for (JsonNode name : s.path("required")) {
          o.set(name.asText(), sample(s.path("properties").path(name.asText())));
        }
        return o;
      }
      case "array" -> {
        var a = f.arrayNode();
        a.add(sample(s.path("items")));
        return a;
      }
      case "integer" -> {
        return f.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1L);
      }
      case "number" -> {
        return f.numberNode(
            s.has("minimum") ? s.get("minimum").decimalValue() : java.math.BigDecimal.ONE);
      }
      case "boolean" -> {
        return f.booleanNode(false);
      }
      case "string" -> {
        if ("date-time".equals(s.path("format").asText())) {
          return f.textNode("2031-01-01T00:00:00Z");
        }
        return f.textNode(s.has("pattern") ? RegexSample.of(s.get("pattern").asText()) : "x");
      }
      default -> {
        return f.objectNode();
      }
    }
  }
}
