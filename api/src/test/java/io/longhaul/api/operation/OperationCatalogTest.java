package io.longhaul.api.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.contracts.operation.OperationDefinition;
import io.longhaul.contracts.vocabulary.SiteCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The operation catalog")
class OperationCatalogTest {
  final OperationCatalog catalog =
      new OperationCatalog(OperationCatalog.declared(OperationCatalog.CONTRACTS));

  @Test
  @DisplayName("finds every operation declared on a workflow interface in contracts")
  void findsDeclaredOperations() {
    assertThat(catalog.all())
        .extracting(e -> e.definition().name())
        .containsExactly(
            "cluster-probe",
            "hdfs-bu-migration",
            "instance-delete",
            "instance-spawn",
            "instance-spawn-bulk",
            "interface-audit",
            "mesh-controlplane-canary",
            "topology-discovery");
    OperationDefinition spawn = catalog.find("instance-spawn").orElseThrow().definition();
    assertThat(spawn.workflowType()).isEqualTo("InstanceSpawn");
    assertThat(spawn.inputType().getSimpleName()).isEqualTo("SpawnInput");
    assertThat(spawn.siteField()).isEqualTo("site");
    assertThat(spawn.stages().getFirst())
        .isEqualTo(new OperationDefinition.StageLabel("validate", "checking the request"));
  }

  @Test
  @DisplayName("inlines the shared definitions, keeping what the operation writes beside a $ref")
  void inlinesSharedDefinitions() {
    for (OperationCatalog.Entry e : catalog.all()) {
      assertThat(e.schemaJson().toString()).as(e.definition().name()).doesNotContain("$ref");
      String siteField = e.definition().siteField();
      if (siteField != null) {
        JsonNode site = e.schemaJson().path("properties").path(siteField);
        assertThat(site.path("pattern").asText())
            .as(e.definition().name())
            .isEqualTo(SiteCode.PATTERN);
      }
    }
    JsonNode site =
        catalog
            .find("topology-discovery")
            .orElseThrow()
            .schemaJson()
            .path("properties")
            .path("site");
    assertThat(site.path("title").asText()).isEqualTo("Site");
    assertThat(site.path("description").asText()).startsWith("Code of the site");
    JsonNode label =
        catalog.find("instance-spawn").orElseThrow().schemaJson().at("/properties/networkLabel");
    assertThat(label.path("title").asText()).isEqualTo("Network label");
    assertThat(label.path("type").asText()).isEqualTo("string");
  }

  @Test
  @DisplayName("validates params against the inlined definitions")
  void validatesAgainstSharedDefinitions() {
    var schema = catalog.find("topology-discovery").orElseThrow().schema();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(schema.validate(json.createObjectNode().put("site", "sha"))).isEmpty();
    assertThat(schema.validate(json.createObjectNode().put("site", "Not A Site"))).isNotEmpty();
  }
}
