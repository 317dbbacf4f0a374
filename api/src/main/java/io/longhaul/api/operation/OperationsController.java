package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.operation.OperationDefinition;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/operations")
public class OperationsController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OperationCatalog catalog;

  public OperationsController(OperationCatalog catalog) {
    this.catalog = catalog;
  }

  /** {@code stages}: what each step means to someone waiting, for the portal's stage view. */
  public record OperationView(
      String name,
      String title,
      String description,
      Map<String, Object> schema,
      List<OperationDefinition.StageLabel> stages) {}

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<OperationView> list() {
    return catalog.all().stream()
        .map(
            e ->
                new OperationView(
                    e.definition().name(),
                    e.definition().title(),
                    e.definition().description(),
                    asMap(e.schemaJson()),
                    e.definition().stages()))
        .toList();
  }

  /** A plain map: Spring MVC speaks Jackson 3, while the schema was parsed with Jackson 2. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(JsonNode json) {
    return JSON.convertValue(json, Map.class);
  }
}
