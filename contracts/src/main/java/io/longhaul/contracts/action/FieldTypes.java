package io.longhaul.contracts.action;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An activity record's fields as the runbook language's types ({@code string}, {@code int}, {@code
 * bool}, {@code double}, {@code list<...>}, {@code object}), read from the record itself so the
 * declared types can never drift from the activity's; and as JSON Schema for the API.
 */
public final class FieldTypes {
  private FieldTypes() {}

  public static Map<String, String> fields(Class<?> record) {
    Map<String, String> out = new LinkedHashMap<>();
    if (record == void.class || record == Void.class || !record.isRecord()) return out;
    for (RecordComponent c : record.getRecordComponents()) {
      out.put(c.getName(), of(c.getGenericType()));
    }
    return out;
  }

  static String of(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return "list<" + of(p.getActualTypeArguments()[0]) + ">";
    }
    if (t == String.class) return "string";
    if (t == int.class || t == long.class || t == Integer.class || t == Long.class) return "int";
    if (t == boolean.class || t == Boolean.class) return "bool";
    if (t == double.class || t == Double.class) return "double";
    return "object";
  }

  /** A field type as a JSON Schema. */
  public static Map<String, Object> schema(String type) {
    if (type.startsWith("list<")) {
      return Map.of("type", "array", "items", schema(type.substring(5, type.length() - 1)));
    }
    return switch (type) {
      case "string" -> Map.of("type", "string");
      case "int" -> Map.of("type", "integer");
      case "bool" -> Map.of("type", "boolean");
      case "double" -> Map.of("type", "number");
      default -> Map.of("type", "object");
    };
  }

  /** An action's input or output fields as the JSON Schema of an object. */
  public static Map<String, Object> objectSchema(
      Map<String, String> fields, List<String> required) {
    Map<String, Object> props = new LinkedHashMap<>();
    fields.forEach((k, v) -> props.put(k, schema(v)));
    return Map.of("type", "object", "properties", props, "required", required);
  }
}
