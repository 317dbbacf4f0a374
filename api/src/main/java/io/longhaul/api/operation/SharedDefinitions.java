package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Inlines an operation schema's references to shared definitions ({@code "$ref":
 * "common.schema.json#/$defs/siteCode"}, resolved beside the schema's own resource), so the
 * validator and the portal's form both get one self-contained schema. Keywords written next to a
 * {@code $ref} (a title, a description) override the shared definition's.
 */
final class SharedDefinitions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClassLoader loader;
  private final String directory;
  private final Map<String, JsonNode> files = new HashMap<>();

  private SharedDefinitions(ClassLoader loader, String schemaResource) {
    this.loader = loader;
    int slash = schemaResource.lastIndexOf('/');
    this.directory = slash < 0 ? "" : schemaResource.substring(0, slash + 1);
  }

  static JsonNode inline(JsonNode schema, ClassLoader loader, String schemaResource) {
    return new SharedDefinitions(loader, schemaResource).resolve(schema.deepCopy());
  }

  private JsonNode resolve(JsonNode node) {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, resolve(array.get(i)));
      }
      return array;
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    JsonNode ref = object.get("$ref");
    if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
      ObjectNode merged = (ObjectNode) resolve(target(ref.asText()).deepCopy());
      object.remove("$ref");
      object.properties().forEach(e -> merged.set(e.getKey(), resolve(e.getValue())));
      return merged;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      e.setValue(resolve(e.getValue()));
    }
    return object;
  }

  private JsonNode target(String ref) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    JsonNode target = files.computeIfAbsent(file, this::load).at(pointer);
    if (!(target instanceof ObjectNode)) {
      throw new IllegalStateException("schema reference " + ref + " names no definition");
    }
    return target;
  }

  private JsonNode load(String file) {
    try (InputStream in = loader.getResourceAsStream(directory + file)) {
      if (in == null) {
        throw new IllegalStateException(directory + file + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(directory + file + " is not valid JSON", e);
    }
  }
}
