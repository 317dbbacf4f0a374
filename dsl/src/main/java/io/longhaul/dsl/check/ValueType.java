package io.longhaul.dsl.check;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * The type of an action's input or output field, or of a parameter, as CEL sees it: {@code string},
 * {@code int}, {@code bool}, {@code double}, {@code list<elem>}, {@code object} (a map), {@code
 * dyn} (anything).
 */
public record ValueType(String kind, ValueType elem) {
  public static final ValueType STRING = new ValueType("string", null);
  public static final ValueType INT = new ValueType("int", null);
  public static final ValueType BOOL = new ValueType("bool", null);
  public static final ValueType DOUBLE = new ValueType("double", null);
  public static final ValueType OBJECT = new ValueType("object", null);
  public static final ValueType DYN = new ValueType("dyn", null);

  public static ValueType list(ValueType elem) {
    return new ValueType("list", elem);
  }

  /** Parses the text form: {@code string}, {@code list<int>}, {@code object}, ... */
  public static ValueType parse(String text) {
    if (text.startsWith("list<") && text.endsWith(">")) {
      return list(parse(text.substring(5, text.length() - 1)));
    }
    return switch (text) {
      case "string" -> STRING;
      case "int" -> INT;
      case "bool" -> BOOL;
      case "double" -> DOUBLE;
      case "object" -> OBJECT;
      default -> DYN;
    };
  }

  /** The type a JSON Schema node declares (a runbook's params). */
  public static ValueType ofSchema(com.fasterxml.jackson.databind.JsonNode schema) {
    return switch (schema.path("type").asText("")) {
      case "string" -> STRING;
      case "integer" -> INT;
      case "boolean" -> BOOL;
      case "number" -> DOUBLE;
      case "array" -> list(ofSchema(schema.path("items")));
      case "object" -> OBJECT;
      default -> DYN;
    };
  }

  public CelType cel() {
    return switch (kind) {
      case "string" -> SimpleType.STRING;
      case "int" -> SimpleType.INT;
      case "bool" -> SimpleType.BOOL;
      case "double" -> SimpleType.DOUBLE;
      case "list" -> ListType.create(elem.cel());
      case "object" -> MapType.create(SimpleType.STRING, SimpleType.DYN);
      default -> SimpleType.DYN;
    };
  }

  /** Whether a value of type {@code other} may be given where this type is wanted. */
  public boolean accepts(ValueType other) {
    if (kind.equals("dyn") || other.kind.equals("dyn")) return true;
    if (kind.equals("double") && other.kind.equals("int")) return true;
    if (!kind.equals(other.kind)) return false;
    return elem == null || other.elem == null || elem.accepts(other.elem);
  }

  /** The type of a literal YAML value. */
  public static ValueType ofLiteral(com.fasterxml.jackson.databind.JsonNode v) {
    if (v.isTextual()) return STRING;
    if (v.isIntegralNumber()) return INT;
    if (v.isNumber()) return DOUBLE;
    if (v.isBoolean()) return BOOL;
    if (v.isObject()) return OBJECT;
    if (v.isArray()) return list(v.isEmpty() ? DYN : ofLiteral(v.get(0)));
    return DYN;
  }

  @Override
  public String toString() {
    return elem == null ? kind : kind + "<" + elem + ">";
  }
}
