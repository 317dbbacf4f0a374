package io.longhaul.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.LabServerTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal in headless Chromium against the whole server with the demo lab: sign in, start
 * topology discovery from the catalog, watch it succeed, see the fabric, inject a lab fault that
 * parks the next run, retry it from its page once the fault is cleared, and check that a viewer
 * gets no action buttons; then spawn an instance from the catalog and watch it, park a spawn on a
 * leaf fault and retry it, have a second user approve a spawn's plan, and freeze everything from
 * the windows page and lift it. The browser script is ops-ui/e2e/portal.e2e.mjs; screenshots of
 * every main page land in target/screenshots/.
 */
@TestPropertySource(
    properties = {
      // A dead leaf is silent over SNMP: keep each attempt short so the step parks soon.
      "longhaul.snmp.timeout=PT0.3S",
      "longhaul.snmp.retries=0"
    })
@DisplayName("The portal in a real browser")
class PortalEndToEndTest extends LabServerTestBase {
  static final String VIEWER = "portal-viewer";
  static final String VIEWER_PASSWORD = "a-long-viewer-password";
  static final String APPROVER = "portal-approver";
  static final String APPROVER_PASSWORD = "a-long-approver-password";
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path OPS_UI = Path.of("..", "ops-ui").toAbsolutePath().normalize();

  /** A missing browser is a broken machine, not a reason to skip: say how to fix it. */
  @BeforeAll
  static void browserIsThere() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          CHROMIUM
              + " is missing: the portal's browser test needs Debian's Chromium"
              + " (apt-get install -y chromium; .ci/run installs it when missing)");
    }
    if (!Files.isDirectory(OPS_UI.resolve("node_modules/playwright-core"))) {
      fail(
          "playwright-core is not installed in "
              + OPS_UI
              + ": build the reactor first (./mvnw package runs npm ci in ops-ui)");
    }
  }

  @Test
  @DisplayName("the lab's fault API: viewers read, operators write, bad faults are named")
  void labApi() {
    ApiClient admin = ApiClient.basic(port, "admin", ADMIN_PASSWORD);
    assertThat(admin.get("/api/v1/lab/status").body().path("enabled").asBoolean()).isTrue();
    ApiClient.Response unknownType =
        admin.post("/api/v1/lab/faults", Map.of("target", "sha-leaf1", "type", "melt"));
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.body().path("errors").get(0).path("field").asText()).isEqualTo("type");
    ApiClient.Response unknownTarget =
        admin.post("/api/v1/lab/faults", Map.of("target", "nowhere", "type", "down"));
    assertThat(unknownTarget.status()).isEqualTo(400);

    admin.post(
        "/api/v1/users",
        Map.of("username", "lab-viewer", "password", VIEWER_PASSWORD, "role", "viewer"));
    ApiClient viewer = ApiClient.basic(port, "lab-viewer", VIEWER_PASSWORD);
    assertThat(viewer.get("/api/v1/lab/faults").status()).isEqualTo(200);
    assertThat(
            viewer
                .post("/api/v1/lab/faults", Map.of("target", "sha-leaf1", "type", "down"))
                .status())
        .isEqualTo(403);
    assertThat(viewer.send("DELETE", "/api/v1/lab/faults", null).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("takes an operator from login to a succeeded run, and shows a viewer no actions")
  void portal() throws Exception {
    ApiClient admin = ApiClient.basic(port, "admin", ADMIN_PASSWORD);
    ApiClient.Response created =
        admin.post(
            "/api/v1/users",
            Map.of("username", VIEWER, "password", VIEWER_PASSWORD, "role", "viewer"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    ApiClient.Response approver =
        admin.post(
            "/api/v1/users",
            Map.of("username", APPROVER, "password", APPROVER_PASSWORD, "role", "approver"));
    assertThat(approver.status()).as(approver.raw()).isEqualTo(201);

    // Something for the windows page to show; scopes no run of this test declares, so nothing
    // waits, and schedules that cannot fire during it (1 January, or paused).
    ApiClient.Response weekdays =
        admin.post(
            "/api/v1/windows",
            Map.of(
                "name", "lon-weekdays",
                "scopes", List.of("site:lon"),
                "cron", "0 8 * * 1-5",
                "durationMinutes", 600,
                "zone", "Europe/London"));
    assertThat(weekdays.status()).as(weekdays.raw()).isEqualTo(201);
    ApiClient.Response research =
        admin.post(
            "/api/v1/windows",
            Map.of(
                "name", "research-days",
                "scopes", List.of("bu:research"),
                "rrule", "FREQ=DAILY;BYHOUR=6",
                "anchor", "2026-01-01T06:00",
                "durationMinutes", 960,
                "zone", "UTC"));
    assertThat(research.status()).as(research.raw()).isEqualTo(201);
    ApiClient.Response nightly =
        admin.post(
            "/api/v1/schedules",
            Map.of(
                "name", "portal-new-year",
                "operation", "topology-discovery",
                "params", Map.of("site", "sha"),
                "reason", "new year's discovery",
                "cron", "0 3 1 1 *",
                "zone", "UTC"));
    assertThat(nightly.status()).as(nightly.raw()).isEqualTo(201);
    ApiClient.Response inWindow =
        admin.post(
            "/api/v1/schedules",
            Map.of(
                "name", "portal-weekdays",
                "operation", "topology-discovery",
                "params", Map.of("site", "sha"),
                "reason", "each weekday window",
                "windowId", weekdays.body().path("id").asLong()));
    assertThat(inWindow.status()).as(inWindow.raw()).isEqualTo(201);
    ApiClient.Response paused =
        admin.post("/api/v1/schedules/" + inWindow.body().path("id").asLong() + "/pause", Map.of());
    assertThat(paused.status()).as(paused.raw()).isEqualTo(200);

    Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
    Path log = Files.createTempFile("portal-e2e", ".log");
    ProcessBuilder browser =
        new ProcessBuilder("node", "e2e/portal.e2e.mjs")
            .directory(OPS_UI.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    browser.environment().put("APPROVER_USER", APPROVER);
    browser.environment().put("APPROVER_PASSWORD", APPROVER_PASSWORD);
    browser
        .environment()
        .putAll(
            Map.of(
                "PORTAL_URL",
                "http://127.0.0.1:" + port,
                "ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "VIEWER_USER",
                VIEWER,
                "VIEWER_PASSWORD",
                VIEWER_PASSWORD,
                "SCREENSHOT_DIR",
                screenshots.toString(),
                "CHROMIUM",
                CHROMIUM.toString()));
    Process process = browser.start();
    boolean finished = process.waitFor(9, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(finished).as("the browser script ended in time:\n" + output).isTrue();
    assertThat(process.exitValue()).as("the browser script:\n" + output).isZero();
    assertThat(screenshots.resolve("05-run-succeeded.png")).isNotEmptyFile();
    assertThat(screenshots.resolve("23-approved-spawn-succeeded.png")).isNotEmptyFile();
    assertThat(screenshots.resolve("24-windows.png")).isNotEmptyFile();
  }
}
