package io.longhaul.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.discovery.SwitchActivitiesImpl;
import io.longhaul.contracts.discovery.LldpRequest;
import io.longhaul.db.security.UserRepository;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import io.temporal.failure.ApplicationFailure;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A credential goes only where an admin scoped it, and devices only point into their site's
 * management networks. A UDP listener on loopback stands for a host an operator would like to
 * receive an SNMP community: it counts every datagram that reaches it.
 */
@DisplayName("Credentials are bound to where they may go")
class CredentialScopeEndToEndTest extends ServerTestBase {
  static final String CANARY = "CANARY-scope-community";

  @Autowired DeviceAccess devices;
  @Autowired SwitchActivitiesImpl discovery;
  @Autowired DSLContext db;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  ApiClient operator;
  DatagramSocket listener;
  AtomicInteger packets = new AtomicInteger();
  AtomicInteger canaries = new AtomicInteger();
  String tag = Long.toHexString(System.nanoTime()).substring(6);

  @BeforeEach
  void listen() throws Exception {
    if (!users.exists("scope-op")) {
      users.create("scope-op", encoder.encode("scope-operator-password"), "operator");
    }
    operator = ApiClient.basic(port, "scope-op", "scope-operator-password");
    listener = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              byte[] buf = new byte[2048];
              while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                  listener.receive(p);
                } catch (SocketException closed) {
                  return;
                } catch (Exception e) {
                  return;
                }
                packets.incrementAndGet();
                if (new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1)
                    .contains(CANARY)) {
                  canaries.incrementAndGet();
                }
              }
            });
  }

  @AfterEach
  void close() {
    listener.close();
  }

  @Test
  @DisplayName("device addresses outside the site's management networks are refused")
  void addresses() {
    long site = site("127.0.0.0/8");
    for (String address :
        List.of(
            "169.254.169.254",
            "10.0.0.1",
            "8.8.8.8",
            "0.0.0.0",
            "::1",
            "224.0.0.1",
            "::ffff:169.254.169.254",
            "255.255.255.255")) {
      var r =
          operator.post("/api/v1/switches", switchBody(site, "x" + tag, address, 161, null, null));
      assertThat(r.status()).as(address + ": " + r.raw()).isEqualTo(400);
      assertThat(r.raw()).contains("mgmtAddress");
    }
    var bad =
        admin()
            .put(
                "/api/v1/sites/" + site + "/mgmt-networks", Map.of("cidrs", List.of("10.0.0.1/8")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.raw()).contains("cidrs[0]");
    assertThat(
            operator
                .put(
                    "/api/v1/sites/" + site + "/mgmt-networks",
                    Map.of("cidrs", List.of("0.0.0.0/0")))
                .status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("an SNMP community is never sent outside its scope")
  void neverSentOutsideItsScope() {
    long site = site("127.0.0.0/8");
    long other = site("127.0.0.0/8");
    long ssh = credential("ssh-password", "netops", "ssh-secret-" + tag);
    long snmp = credential("snmp-v2c", null, CANARY);
    scope(ssh, site, List.of("switch"), List.of("127.0.0.1/32"));
    scope(snmp, site, List.of("switch"), List.of("127.0.0.1/32"));
    int udp = listener.getLocalPort();

    // In scope: the operator binds it, and the driver does send the community (the listener works).
    var created =
        operator.post(
            "/api/v1/switches", switchBody(site, "in" + tag, "127.0.0.1", udp, ssh, snmp));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    readLldp("in" + tag);
    assertThat(canaries.get()).isPositive();
    // Discovery's own LLDP read (SNMP alone) goes through the same scoped path.
    int before = canaries.get();
    discover("in" + tag);
    assertThat(canaries.get()).isGreaterThan(before);
    packets.set(0);
    canaries.set(0);

    // Out of scope through the API: another address, another site, another kind.
    var elsewhere =
        operator.post("/api/v1/switches", switchBody(site, "b" + tag, "127.0.0.2", udp, ssh, snmp));
    assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(409);
    assertThat(elsewhere.raw()).contains("sshCredentialId");
    var otherSite =
        operator.post(
            "/api/v1/switches", switchBody(other, "c" + tag, "127.0.0.1", udp + 0, null, snmp));
    assertThat(otherSite.status()).as(otherSite.raw()).isEqualTo(409);
    assertThat(otherSite.raw()).contains("snmpCredentialId");
    var hv =
        new HashMap<String, Object>(
            Map.of(
                "siteId",
                site,
                "name",
                "h" + tag,
                "address",
                "127.0.0.1",
                "sshPort",
                2222,
                "credentialId",
                ssh,
                "cpuCores",
                4,
                "memoryMb",
                4096));
    hv.put("maintenance", false);
    var hypervisor = operator.post("/api/v1/hypervisors", hv);
    assertThat(hypervisor.status()).as(hypervisor.raw()).isEqualTo(409);
    assertThat(hypervisor.raw()).contains("credentialId");

    // Moving the device: an operator cannot take the credentials along; they are cleared.
    var moved =
        operator.put(
            "/api/v1/switches/" + id,
            switchBody(site, "in" + tag, "127.0.0.1", udp + 1, ssh, snmp));
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.body().path("snmpCredentialId").isNull()).isTrue();
    assertThat(moved.body().path("sshCredentialId").isNull()).isTrue();
    var rebind =
        operator.put(
            "/api/v1/switches/" + id, switchBody(site, "in" + tag, "127.0.0.1", udp, ssh, snmp));
    assertThat(rebind.status()).as(rebind.raw()).isEqualTo(409);
    var byAdmin =
        admin()
            .put(
                "/api/v1/switches/" + id,
                switchBody(site, "in" + tag, "127.0.0.1", udp, ssh, snmp));
    assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);

    // Around the API: the row is moved into another site, or the scope narrowed afterwards. The
    // activity's own check refuses before any secret is revealed.
    db.execute("update switch set site_id = ? where id = ?", other, id);
    assertThatThrownBy(() -> readLldp("in" + tag))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("outside its scope");
    assertThatThrownBy(() -> discover("in" + tag))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("outside its scope");
    db.execute("update switch set site_id = ? where id = ?", site, id);
    scope(snmp, site, List.of("switch"), List.of("127.0.0.9/32"));
    scope(ssh, site, List.of("switch"), List.of("127.0.0.9/32"));
    assertThatThrownBy(() -> readLldp("in" + tag))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("outside its scope");

    assertThat(packets.get()).isZero();
    assertThat(canaries.get()).isZero();
  }

  /** The discovery activity's LLDP read; a silent listener makes it time out. */
  void discover(String name) {
    try {
      discovery.readLldp(new LldpRequest("scope-test", name));
    } catch (ApplicationFailure e) {
      if (e.getMessage().contains("outside its scope")) {
        throw e;
      }
      // The listener never answers: a timeout, mapped to a Temporal failure.
    }
  }

  /** An SNMP LLDP walk through the switch's driver; a silent listener makes it time out. */
  void readLldp(String name) {
    try {
      devices.switchDriver(name).lldp().neighbors();
    } catch (ApplicationFailure e) {
      throw e;
    } catch (RuntimeException expectedTimeout) {
      // The listener never answers.
    }
  }

  long site(String cidr) {
    String code = "s" + Long.toHexString(System.nanoTime()).substring(8);
    var r =
        admin()
            .post("/api/v1/sites", Map.of("code", code, "name", "scope test", "timeZone", "UTC"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    long id = r.body().path("id").asLong();
    var set = admin().put("/api/v1/sites/" + id + "/mgmt-networks", Map.of("cidrs", List.of(cidr)));
    assertThat(set.status()).as(set.raw()).isEqualTo(200);
    return id;
  }

  long credential(String kind, String username, String secret) {
    var body =
        new HashMap<String, Object>(
            Map.of("name", kind + "-" + tag, "kind", kind, "secret", secret));
    if (username != null) body.put("username", username);
    var r = admin().post("/api/v1/credentials", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body().path("id").asLong();
  }

  void scope(long credential, long site, List<String> kinds, List<String> cidrs) {
    var r =
        admin()
            .put(
                "/api/v1/credentials/" + credential + "/scope",
                Map.of("siteId", site, "kinds", kinds, "cidrs", cidrs));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }

  static Map<String, Object> switchBody(
      long site, String name, String address, int snmpPort, Long ssh, Long snmp) {
    var b = new HashMap<String, Object>();
    b.put("siteId", site);
    b.put("name", name);
    b.put("role", "leaf");
    b.put("dialect", "nxos");
    b.put("mgmtAddress", address);
    b.put("sshPort", 2202);
    b.put("snmpPort", snmpPort);
    b.put("sshCredentialId", ssh);
    b.put("snmpCredentialId", snmp);
    return b;
  }
}
