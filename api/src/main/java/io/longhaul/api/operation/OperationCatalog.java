package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.OperationDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * schema that is missing or malformed fails startup rather than the first request.
 */
@Component
public class OperationCatalog {
  static final String CONTRACTS = "io.longhaul.contracts";
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Entry(OperationDefinition definition, JsonNode schemaJson, JsonSchema schema) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  @Autowired
  public OperationCatalog(ObjectProvider<OperationDefinition> beans) {
    this(Stream.concat(declared(CONTRACTS).stream(), beans.orderedStream()).toList());
  }

  OperationCatalog(List<OperationDefinition> definitions) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    for (OperationDefinition d : definitions) {
      JsonNode json = load(d);
      if (entries.putIfAbsent(d.name(), new Entry(d, json, factory.getSchema(json))) != null) {
        throw new IllegalStateException("two operations are named " + d.name());
      }
    }
  }

  public Optional<Entry> find(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  public Collection<Entry> all() {
    return entries.values();
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
