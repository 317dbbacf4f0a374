package io.longhaul.db.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.credential.Credential;
import io.longhaul.db.credential.CredentialCipher;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.testing.TestDatabase;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Clusters in PostgreSQL")
class ClusterRepositoryTest {
  static final String PEM =
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"; // shape only: db checks

  DSLContext db;
  ClusterRepository clusters;
  Site site;
  Credential token;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    clusters = new ClusterRepository(db);
    site = new SiteRepository(db).create(new Site.Spec("sha", "Shanghai", "Asia/Shanghai"));
    token =
        new CredentialRepository(db, new CredentialCipher(new byte[32]))
            .create(new Credential.Spec("mesh-token", "http-token", null, "t0ken"));
  }

  Cluster.Spec spec(String name, String kind, String url, String pem) {
    return new Cluster.Spec(site.id(), name, kind, url, token.id(), pem, List.of("idc-a", "prod"));
  }

  @Test
  @DisplayName("round-trip through create, find by name, list by site, update and delete")
  void crud() {
    Cluster c = clusters.create(spec("sha-mesh", "mesh", "https://127.77.0.23:8443", PEM));
    assertThat(c.labels()).containsExactly("idc-a", "prod");
    assertThat(c.trustPem()).isEqualTo(PEM);
    assertThat(clusters.findByName("sha-mesh")).contains(c);
    assertThat(clusters.listBySite(site.id())).containsExactly(c);
    Cluster moved =
        clusters.update(c.id(), spec("sha-mesh", "mesh", "https://127.77.0.24:8443/api", null));
    assertThat(moved.baseUrl()).isEqualTo("https://127.77.0.24:8443/api");
    assertThat(moved.trustPem()).isNull();
    clusters.delete(c.id());
    assertThat(clusters.find(c.id())).isEmpty();
    assertThatThrownBy(() -> clusters.delete(c.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("the database refuses an unknown kind, a non-HTTP or credential-bearing URL")
  void urlAndKind() {
    assertThatThrownBy(() -> clusters.create(spec("a", "ceph", "https://10.0.0.1", null)))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cluster_kind_check");
    for (String url :
        List.of(
            "ftp://10.0.0.1",
            "https://ops:pw@10.0.0.1",
            "https://10.0.0.1/x?token=1",
            "https://10.0.0.1/#f",
            "javascript:alert(1)")) {
      assertThatThrownBy(() -> clusters.create(spec("a", "mesh", url, null)))
          .as(url)
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("cluster_base_url_check");
    }
  }

  @Test
  @DisplayName("the database refuses trust material without https, a duplicate name or URL")
  void constraints() {
    assertThatThrownBy(() -> clusters.create(spec("a", "mesh", "http://10.0.0.1", PEM)))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cluster_check");
    assertThatThrownBy(() -> clusters.create(spec("a", "mesh", "https://10.0.0.1", "junk")))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cluster_trust_pem_check");
    clusters.create(spec("a", "mesh", "https://10.0.0.1", null));
    assertThatThrownBy(() -> clusters.create(spec("a", "mesh", "https://10.0.0.2", null)))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cluster_name_key");
    assertThatThrownBy(() -> clusters.create(spec("b", "hdfs", "https://10.0.0.1", null)))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cluster_base_url_key");
  }

  @Test
  @DisplayName("a credential in use by a cluster cannot be deleted")
  void credentialInUse() {
    clusters.create(spec("a", "vdi", "https://[::1]:9443", null));
    assertThatThrownBy(
            () ->
                new CredentialRepository(db, new CredentialCipher(new byte[32])).delete(token.id()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cluster_credential_id_fkey");
  }
}
