package io.longhaul.api.inventory;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.CredentialScopes;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.db.inventory.ClusterRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters")
public class ClustersController
    extends InventoryController<Cluster, ClustersController.ClusterBody, Cluster.Spec> {

  private static final Set<String> HTTP_CREDENTIALS = Set.of("http-token", "http-basic");

  private final CredentialRepository credentials;
  private final DevicePlacement placement;

  public ClustersController(
      ClusterRepository clusters,
      CredentialRepository credentials,
      AuditService audit,
      DevicePlacement placement) {
    super(clusters, audit, "cluster");
    this.credentials = credentials;
    this.placement = placement;
  }

  /**
   * A cluster's credential must be one an HTTP API takes; the URL's host (every address it resolves
   * to) must lie in the site's management networks and in the credential's scope, and a new URL
   * clears the credential unless an admin binds it again ({@link DevicePlacement}).
   */
  @Override
  protected Cluster.Spec admit(Cluster current, Cluster.Spec spec, Authentication auth) {
    if (spec.credentialId() != null) {
      credentials
          .find(spec.credentialId())
          .filter(c -> !HTTP_CREDENTIALS.contains(c.kind()))
          .ifPresent(
              c -> {
                throw new BadRequestException(
                    "credentialId",
                    "is a " + c.kind() + " credential, not http-token or http-basic");
              });
    }
    var bound =
        placement.admit(
            current == null
                ? null
                : device(current.siteId(), current.baseUrl(), current.credentialId()),
            device(spec.siteId(), spec.baseUrl(), spec.credentialId()),
            auth);
    return new Cluster.Spec(
        spec.siteId(),
        spec.name(),
        spec.kind(),
        spec.baseUrl(),
        bound.get("credentialId"),
        spec.trustPem(),
        spec.labels());
  }

  private static DevicePlacement.Device device(long siteId, String baseUrl, Long credential) {
    Map<String, Long> bound = new LinkedHashMap<>();
    bound.put("credentialId", credential);
    List<String> addresses =
        CredentialScopes.addresses(URI.create(baseUrl).getHost()).stream()
            .map(CredentialScopes::text)
            .toList();
    return new DevicePlacement.Device("cluster", siteId, "baseUrl", addresses, baseUrl, bound);
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
