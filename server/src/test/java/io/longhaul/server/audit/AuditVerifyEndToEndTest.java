package io.longhaul.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.server.support.ServerTestBase;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code GET /audit/verify} as an auditor sees it, against a superuser who deletes the newest
 * entries behind the triggers. Its own context (and database), since it leaves the log tampered.
 */
@TestPropertySource(properties = "longhaul.audit.checkpoint-every=PT1H")
@DisplayName("The audit log's verification through the API")
class AuditVerifyEndToEndTest extends ServerTestBase {
  @Autowired DSLContext db;

  @Test
  @DisplayName("reports the role it runs as, holds exports to a signed head, and finds a cut tail")
  void cutTail() {
    for (int i = 0; i < 3; i++) {
      var r =
          admin()
              .post(
                  "/api/v1/sites",
                  Map.of("code", "av" + i + System.nanoTime() % 100000, "name", "audited"));
      assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }
    JsonNode ok = admin().get("/api/v1/audit/verify").body();
    assertThat(ok.path("intact").asBoolean()).as(ok.toString()).isTrue();
    assertThat(ok.path("databaseRole").path("superuser").asBoolean()).isTrue();
    assertThat(ok.path("notes").toString()).contains("superuser");

    JsonNode export = admin().get("/api/v1/audit/export").body();
    long head = export.path("head").path("headId").asLong();
    assertThat(export.path("entries").get(export.path("entries").size() - 1).path("id").asLong())
        .isEqualTo(head);
    assertThat(export.path("head").path("mac").asText()).hasSize(64);

    db.execute("alter table audit_log disable trigger audit_log_no_update");
    db.execute("delete from audit_log where id = ?", head);
    db.execute("alter table audit_log enable trigger audit_log_no_update");

    JsonNode cut = admin().get("/api/v1/audit/verify").body();
    assertThat(cut.path("intact").asBoolean()).as(cut.toString()).isFalse();
    assertThat(cut.path("firstBrokenId").asLong()).isEqualTo(head);
    assertThat(cut.path("problems").toString()).contains("gone");
    assertThat(admin().post("/api/v1/audit/checkpoint", Map.of()).status()).isEqualTo(409);
  }
}
