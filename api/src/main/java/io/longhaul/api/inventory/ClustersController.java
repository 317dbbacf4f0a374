package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.db.inventory.ClusterRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters")
public class ClustersController
    extends InventoryController<Cluster, ClustersController.ClusterBody, Cluster.Spec> {

  public ClustersController(ClusterRepository clusters, AuditService audit) {
    super(clusters, audit, "cluster");
  }

  /**
   * {@code credentialId} names an {@code http-token} or {@code http-basic} credential; {@code
   * trustPem} holds the certificates the server's certificate must chain to (https only; none: the
   * worker's default trust store).
   */
  public record ClusterBody(
      @NotNull Long siteId,
      @NotBlank @Pattern(regexp = Patterns.DEVICE_NAME) String name,
      @NotBlank @Pattern(regexp = Patterns.CLUSTER_KIND) String kind,
      @NotBlank @ValidBaseUrl String baseUrl,
      Long credentialId,
      @Size(max = 65536) @ValidTrustPem String trustPem,
      @Size(max = 32) List<@Pattern(regexp = Patterns.LABEL) String> labels)
      implements Body<Cluster.Spec> {
    @Override
    public Cluster.Spec toSpec() {
      if (trustPem != null && !baseUrl.startsWith("https://")) {
        throw new BadRequestException("trustPem", "needs an https baseUrl");
      }
      return new Cluster.Spec(
          siteId, name, kind, baseUrl, credentialId, trustPem, labels == null ? List.of() : labels);
    }
  }
}
