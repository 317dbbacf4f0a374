package io.longhaul.server.hdfsmigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.lab.hdfs.HdfsCluster;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.LabServerTestBase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo lab's {@code sha-hdfs} (loaded into the inventory with the lab CA and token) migrates
 * its BU {@code hotel} from DC B to DC C through the API: plan approved by another user, copy over
 * HTTPS to the lab's WebHDFS and extensions, users flipped in the lab's real ZooKeeper, soak,
 * drain. The lab's clock runs 2,000 times real time, so 620 GB at 1 GB/s take well under a second.
 */
@DisplayName("HDFS BU migration end to end")
class HdfsMigrationEndToEndTest extends LabServerTestBase {

  @Test
  @DisplayName("a BU moves from B to C through the API against the lab's HDFS cluster")
  void migrates() {
    HdfsCluster hdfs = lab().hdfs("sha-hdfs");
    hdfs.speed(2000);
    var approver =
        admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "username",
                    "hdfs-approver",
                    "password",
                    "approver-password",
                    "role",
                    "approver"));
    assertThat(approver.status()).as(approver.raw()).isEqualTo(201);

    var refused =
        admin()
            .post(
                "/api/v1/runs",
                Map.of(
                    "operation",
                    "hdfs-bu-migration",
                    "params",
                    Map.of(
                        "cluster",
                        "sha-hdfs",
                        "bu",
                        "hotel",
                        "fromDc",
                        "B",
                        "toDc",
                        "C",
                        "capBytesPerSec",
                        1),
                    "reason",
                    "too slow"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw()).contains("capBytesPerSec");

    String id =
        start(
            "hdfs-bu-migration",
            Map.of(
                "cluster",
                "sha-hdfs",
                "bu",
                "hotel",
                "fromDc",
                "B",
                "toDc",
                "C",
                "capBytesPerSec",
                1_000_000_000L,
                "soakMinutes",
                0,
                "soakMaxCrossDcBytesPerSec",
                1_000_000L));
    JsonNode parked = awaitSettled(id);
    assertThat(parked.path("status").asText()).as(parked.toString()).isEqualTo("awaiting_approval");
    JsonNode pending = parked.path("pending").get(0);
    assertThat(pending.path("plan").asText())
        .contains("/user/hive/warehouse/hotel.db", "/public/dim_city", "(shared)", "hotel_etl");
    var decision = Map.of("step", "approve", "target", "hotel", "reason", "plan checked");
    // The requester may not approve their own change.
    assertThat(admin().post("/api/v1/runs/" + id + "/approve", decision).status()).isEqualTo(403);
    var approved =
        ApiClient.basic(port, "hdfs-approver", "approver-password")
            .post("/api/v1/runs/" + id + "/approve", decision);
    assertThat(approved.status()).as(approved.raw()).isIn(200, 202);

    JsonNode run = awaitSettled(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode result = run.path("result");
    assertThat(result.path("misplacedBlocks").asLong()).isZero();
    assertThat(result.path("replicas").path("C").asLong()).isEqualTo(3 * 3_000 + 2 * 100);
    assertThat(hdfs.replicas("/user/hive/warehouse/hotel.db"))
        .isEqualTo(Map.of("B", 0L, "C", 7_500L));
    assertThat(hdfs.replicas("/public/dim_city")).isEqualTo(Map.of("B", 200L, "C", 200L));
    assertThat(lab().zookeeper().dcOf("hotel_etl", "B")).isEqualTo("C");
    assertThat(lab().zookeeper().queueDc("hotel", "B")).isEqualTo("C");
    // Another BU on the same cluster was left alone.
    assertThat(hdfs.replicas("/user/hive/warehouse/flight.db").get("C")).isZero();
    assertThat(lab().hdfsRequests("sha-hdfs"))
        .contains(
            "PUT /ext/v1/policy",
            "PUT /ext/v1/movers/C",
            "GET /ext/v1/crossidc-fsck",
            "POST /ws/v1/cluster/apps",
            "GET /conf");
    assertThat(run.path("steps").findValuesAsText("kind")).contains("approved", "throttled");
  }
}
