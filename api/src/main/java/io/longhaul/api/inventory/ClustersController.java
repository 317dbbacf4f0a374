package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.db.inventory.ClusterRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters")
public class ClustersController
    extends InventoryController<Cluster, ClustersController.ClusterBody, Cluster.Spec> {

  private static final Set<String> HTTP_CREDENTIALS = Set.of("http-token", "http-basic");

  private final CredentialRepository credentials;

  public ClustersController(
      ClusterRepository clusters, CredentialRepository credentials, AuditService audit) {
    super(clusters, audit, "cluster");
    this.credentials = credentials;
  }

  /** A cluster's credential must be one an HTTP API takes; a missing one the table refuses. */
  @Override
  protected void check(Cluster.Spec spec) {
    if (spec.credentialId() == null) {
      return;
    }
    credentials
        .find(spec.credentialId())
        .filter(c -> !HTTP_CREDENTIALS.contains(c.kind()))
        .ifPresent(
            c -> {
              throw new BadRequestException(
                  "credentialId", "is a " + c.kind() + " credential, not http-token or http-basic");
            });
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
