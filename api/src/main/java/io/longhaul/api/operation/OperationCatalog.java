package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.OperationDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every operation that can be started, with its JSON Schema (shared definitions inlined) parsed.
 * Operations are found, not listed: every {@link Operation}-annotated workflow interface under
 * {@code io.longhaul.contracts}, plus any {@link OperationDefinition} bean (a test's operation). A
 * schema that is missing or malformed, has a pattern that is not anchored, or a string without a
 * limit, fails startup rather than the first request.
 */
@Component
public class OperationCatalog {
  static final String CONTRACTS = "io.longhaul.contracts";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An operation with its parsed schema; {@code input} turns valid params into the workflow's input
   * (null: the params read into the definition's input record).
   */
  public record Entry(
      OperationDefinition definition,
      JsonNode schemaJson,
      JsonSchema schema,
      Function<JsonNode, Object> input) {
    public Entry(OperationDefinition definition, JsonNode schemaJson, JsonSchema schema) {
      this(definition, schemaJson, schema, null);
    }
  }

  /** Operations that come and go at run time (runbook versions), looked up when asked for. */
  public interface DynamicOperations {
    Optional<Entry> find(String name);

    List<Entry> all();
  }

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .regularExpressionFactory(WholeValuePatterns.INSTANCE)
          .build();

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<DynamicOperations> dynamic;

  @Autowired
  public OperationCatalog(
      ObjectProvider<OperationDefinition> beans, ObjectProvider<DynamicOperations> dynamic) {
    this(
        Stream.concat(declared(CONTRACTS).stream(), beans.orderedStream()).toList(),
        dynamic.orderedStream().toList());
  }

  OperationCatalog(List<OperationDefinition> definitions) {
    this(definitions, List.of());
  }

  OperationCatalog(List<OperationDefinition> definitions, List<DynamicOperations> dynamic) {
    this.dynamic = dynamic;
    for (OperationDefinition d : definitions) {
      JsonNode json = load(d);
      List<String> unbounded = unbounded(json);
      if (!unbounded.isEmpty()) {
        throw new IllegalStateException(
            "operation "
                + d.name()
                + ": every string needs a maxLength, a pattern or an enum; these have none: "
                + unbounded);
      }
      if (entries.putIfAbsent(d.name(), new Entry(d, json, compile(json))) != null) {
        throw new IllegalStateException("two operations are named " + d.name());
      }
    }
  }

  /**
   * A params schema compiled as every operation's is, each pattern compiled now (so an unanchored
   * one fails here, not at a request).
   */
  public static JsonSchema compile(JsonNode json) {
    JsonSchema schema = FACTORY.getSchema(json, CONFIG);
    schema.initializeValidators();
    return schema;
  }

  /** The strings of a params schema that have no maxLength, pattern, enum or const. */
  public static List<String> unbounded(JsonNode json) {
    List<String> out = new ArrayList<>();
    unboundedStrings(json, "", out);
    return out;
  }

  public Optional<Entry> find(String name) {
    Entry e = entries.get(name);
    if (e != null) return Optional.of(e);
    for (DynamicOperations d : dynamic) {
      Optional<Entry> found = d.find(name);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  public Collection<Entry> all() {
    List<Entry> out = new ArrayList<>(entries.values());
    dynamic.forEach(d -> out.addAll(d.all()));
    return out;
  }

  /** The operations declared on workflow interfaces under {@code basePackage}, by name. */
  static List<OperationDefinition> declared(String basePackage) {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isInterface();
          }
        };
    scanner.addIncludeFilter(new AnnotationTypeFilter(Operation.class));
    return scanner.findCandidateComponents(basePackage).stream()
        .map(
            c ->
                ClassUtils.resolveClassName(
                    c.getBeanClassName(), OperationCatalog.class.getClassLoader()))
        .map(OperationDefinition::of)
        .sorted(java.util.Comparator.comparing(OperationDefinition::name))
        .toList();
  }

  /** Strings a schema leaves unbounded: each would take whatever fits in a request body. */
  private static void unboundedStrings(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      if ("string".equals(node.path("type").asText())
          && !node.has("maxLength")
          && !node.has("pattern")
          && !node.has("enum")
          && !node.has("const")) {
        out.add(path.isEmpty() ? "/" : path);
      }
      node.properties().forEach(e -> unboundedStrings(e.getValue(), path + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        unboundedStrings(node.get(i), path + "/" + i, out);
      }
    }
  }

  private static JsonNode load(OperationDefinition d) {
    try (InputStream in = d.inputType().getClassLoader().getResourceAsStream(d.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException(
            "operation "
                + d.name()
                + ": schema "
                + d.schemaResource()
                + " is not on the classpath");
      }
      return SharedDefinitions.inline(
          JSON.readTree(in), d.inputType().getClassLoader(), d.schemaResource());
    } catch (IOException e) {
      throw new IllegalStateException("operation " + d.name() + ": schema is not valid JSON", e);
    }
  }
}
