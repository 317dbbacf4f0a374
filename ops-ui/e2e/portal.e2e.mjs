// The portal in a real browser against a running server with the lab (PortalEndToEndTest starts
// both and passes their coordinates in the environment). Headless Debian Chromium through
// playwright-core; every step waits on what a person would see, never on a fixed delay.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env("PORTAL_URL");
const admin = { user: "admin", password: env("ADMIN_PASSWORD") };
const viewer = { user: env("VIEWER_USER"), password: env("VIEWER_PASSWORD") };
const approver = { user: env("APPROVER_USER"), password: env("APPROVER_PASSWORD") };
const shots = env("SCREENSHOT_DIR");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
// Only this run's pictures: a stale one from an earlier run would mislead a reviewer.
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const consoleErrors = [];
let signedIn = false;
const userDataDir = mkdtempSync(join(tmpdir(), "longhaul-portal-e2e-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1366, height: 800 },
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
context.setDefaultTimeout(20_000);
const page = context.pages()[0] ?? (await context.newPage());
page.on("pageerror", (e) => consoleErrors.push(`page error: ${e.message}`));
page.on("console", (m) => {
  if (m.type() !== "error") return;
  // Signed out, the portal asks /api/v1/me who is signed in, and a wrong password gets a 401 from
  // /login: those answers are the protocol, not faults. Any other error fails the run.
  const url = m.location().url;
  if (!signedIn && (url.endsWith("/api/v1/me") || url.endsWith("/login")) && m.text().includes("401")) return;
  consoleErrors.push(`${m.text()} (${m.location().url})`);
});

const steps = [];
async function step(name, body) {
  process.stdout.write(`- ${name} ... `);
  await body();
  steps.push(name);
  process.stdout.write("ok\n");
}
async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
async function signIn({ user, password }) {
  await page.goto(base + "/");
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password").fill(password);
  signedIn = true;
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("whoami").filter({ hasText: user }).waitFor();
}
/** Every button on the page; a viewer should see only these. */
async function buttonNames() {
  return (await page.getByRole("button").allInnerTexts()).map((t) => t.trim());
}
const viewerButtons = new Set(["Sign out", "Load more", "Try again"]);

let runUrl;
let spawnUrl;

/** Fills the spawn form from the catalog and starts it; lands on the new run's page. */
async function startSpawn(name, reason, { approval = false } = {}) {
  await page.getByRole("link", { name: "Catalog" }).click();
  await page.getByRole("link", { name: /Spawn an instance/ }).click();
  await page.getByLabel(/^Site/).selectOption("sha");
  await page.getByLabel(/^Instance name/).fill(name);
  await page.getByLabel("Kind", { exact: true }).selectOption("vm");
  await page.getByLabel("Network label", { exact: true }).selectOption({ label: "web (sha)" });
  await page.getByLabel(/^vCPUs/).fill("1");
  await page.getByLabel(/^Memory \(MiB\)/).fill("256");
  if (approval) await page.getByLabel("Require approval").check();
  await page.getByLabel(/^Reason/).fill(reason);
  return async () => {
    await page.getByRole("button", { name: "Start spawn an instance" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
  };
}
/** Waits until the run page's header says the run succeeded. */
async function succeeded() {
  await page.locator(".page-head .badge", { hasText: "succeeded" }).waitFor({ timeout: 120_000 });
}
try {
  await step("the login page greets a signed-out visitor", async () => {
    await page.goto(base + "/");
    await page.getByRole("heading", { name: "Longhaul" }).waitFor();
    await page.getByLabel("User name").fill("admin");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Wrong user name or password." }).waitFor();
    await page.getByLabel("Password").fill("");
    await shot("01-login");
  });

  await step("admin signs in and lands on the dashboard", async () => {
    await signIn(admin);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByText("Nothing is running.").or(page.getByRole("heading", { name: "Running" })).first().waitFor();
    await page.getByText("No run is waiting for an operator's decision.").waitFor();
    await shot("02-dashboard");
  });

  await step("before discovery the fabric of sha has no host links", async () => {
    await page.getByRole("link", { name: "Inventory" }).click();
    await page.getByRole("link", { name: "Fabric of sha" }).click();
    await page.getByText("No host links are known for this site yet").waitFor();
    expect((await page.getByTestId("hostlink").count()) === 0, "host links before discovery");
  });

  await step("the catalog checks the form before starting topology discovery", async () => {
    await page.getByRole("link", { name: "Catalog" }).click();
    await page.getByRole("link", { name: /Topology discovery/ }).click();
    await page.getByRole("button", { name: "Start topology discovery" }).click();
    await page.getByText("Site is required").waitFor();
    await page.getByText("Reason is required").waitFor();
    await page.getByLabel("Parallel reads").fill("99");
    await page.getByText("Parallel reads must be at most 64").waitFor();
    await shot("03-catalog-validation");
    await page.getByLabel("Parallel reads").fill("8");
    await page.getByLabel(/^Site/).selectOption("sha");
    await page.getByLabel(/^Reason/).fill("portal end-to-end test");
    await shot("04-catalog");
    await page.getByRole("button", { name: "Start topology discovery" }).dblclick();
  });

  await step("the run page shows the run succeed, step by step", async () => {
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
    runUrl = page.url();
    await page.locator(".page-head .badge", { hasText: "succeeded" }).waitFor({ timeout: 120_000 });
    const steps = await page.getByTestId("timeline").locator("li").count();
    expect(steps > 1, `timeline shows ${steps} steps`);
    await page.getByText("portal end-to-end test").waitFor();
    await shot("05-run-succeeded");
  });

  await step("the runs list holds exactly one run for the double click", async () => {
    await page.getByRole("link", { name: "Runs", exact: true }).click();
    await page.getByText("1 run(s) shown").waitFor();
    await page.getByRole("cell", { name: "topology-discovery" }).waitFor();
    await shot("06-runs");
  });

  await step("the fabric picture shows the discovered links, with no problems", async () => {
    await page.getByRole("link", { name: "Inventory" }).click();
    await page.getByRole("link", { name: "Fabric of sha" }).click();
    await page.getByText("Every hypervisor is cabled to both leaves of one pair.").waitFor();
    const links = await page.getByTestId("hostlink").count();
    expect(links === 32, `expected 32 host links in the picture (16 hypervisors × 2), saw ${links}`);
    expect((await page.locator("[data-problem=true]").count()) === 0, "a hypervisor is flagged");
    await shot("07-fabric-sha");
    await page.getByRole("link", { name: "Hypervisors" }).click();
    await page.getByRole("cell", { name: "sha-hv16" }).waitFor();
    await shot("08-inventory-hypervisors");
    await page.getByRole("link", { name: "Clusters" }).click();
    await page.getByRole("cell", { name: "sha-mesh" }).waitFor();
    // the lab has more than one cluster behind its CA: look in sha-mesh's own row
    await page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "sha-mesh", exact: true }) })
      .getByRole("cell", { name: "own CA" })
      .waitFor();
  });

  await step("the lab page injects a fault and clears it", async () => {
    await page.getByRole("link", { name: "Lab" }).click();
    await page.getByText("No faults: every device behaves.").waitFor();
    await page.getByLabel("Target", { exact: true }).selectOption("sha-leaf1");
    await page.getByLabel("Fault", { exact: true }).selectOption("latency");
    await page.getByLabel("Latency (ms)").fill("150");
    await page.getByRole("button", { name: "Inject" }).click();
    await page.getByRole("cell", { name: "150 ms" }).waitFor();
    await shot("09-lab-fault");
    await page.getByRole("button", { name: "Clear faults on sha-leaf1" }).click();
    await page.getByText("No faults: every device behaves.").waitFor();
  });

  await step("a leaf that is down parks the next discovery; after clearing it, a retry succeeds", async () => {
    await page.getByLabel("Target", { exact: true }).selectOption("sha-leaf4");
    await page.getByLabel("Fault", { exact: true }).selectOption("down");
    await page.getByRole("button", { name: "Inject" }).click();
    await page.getByRole("cell", { name: "sha-leaf4", exact: true }).waitFor();
    await page.getByRole("link", { name: "Catalog" }).click();
    await page.getByRole("link", { name: /Topology discovery/ }).click();
    await page.getByLabel(/^Site/).selectOption("sha");
    await page.getByLabel(/^Reason/).fill("discovery while a leaf is down");
    await page.getByRole("button", { name: "Start topology discovery" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
    const parked = page.getByTestId("pending");
    await parked.getByRole("heading", { name: /Needs attention: read-lldp sha-leaf4/ }).waitFor({ timeout: 120_000 });
    await page.locator(".page-head .badge", { hasText: "needs attention" }).waitFor();
    await shot("10-run-needs-attention");
    const attentionUrl = page.url();

    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("region", { name: "Needs attention" }).getByRole("link").first().waitFor();
    await shot("11-dashboard-attention");

    await page.getByRole("link", { name: "Lab" }).click();
    await page.getByRole("button", { name: "Clear faults on sha-leaf4" }).click();
    await page.getByText("No faults: every device behaves.").waitFor();

    await page.goto(attentionUrl);
    await parked.getByLabel("Reason").fill("leaf4 is back");
    await parked.getByRole("button", { name: "Retry step" }).click();
    await page.locator(".page-head .badge", { hasText: "succeeded" }).waitFor({ timeout: 120_000 });
    expect((await page.getByTestId("pending").count()) === 0, "the decision panel is still shown");
    await shot("12-run-retried");
  });

  await step("admin spawns a VM from the catalog and watches it reach its host, address and leaves", async () => {
    const start = await startSpawn("portal-vm-1", "first instance from the portal");
    await shot("15-catalog-spawn");
    await start();
    spawnUrl = page.url();
    await page.getByTestId("spawn-summary").waitFor();
    await succeeded();
    const summary = page.getByTestId("spawn-summary");
    await summary.getByTestId("spawn-stage").filter({ hasText: "running, reachable on its network" }).waitFor();
    const host = (await summary.getByTestId("spawn-host").innerText()).trim();
    expect(/^sha-hv\d\d$/.test(host), `host shown: ${host}`);
    const ip = await summary.getByTestId("spawn-ip").innerText();
    expect(/^10\.\d+\.\d+\.\d+ · 02:4c:/.test(ip), `address shown: ${ip}`);
    const leaves = await summary.getByTestId("spawn-leaves").locator("li").allInnerTexts();
    expect(leaves.length === 2 && leaves.every((l) => l.includes("configured")), `leaves shown: ${leaves.join(", ")}`);
    await shot("16-spawn-succeeded");
  });

  await step("the inventory lists the instance, its network's usage and its host's allocation", async () => {
    await page.getByRole("link", { name: "Inventory" }).click();
    await page.getByRole("link", { name: "Instances" }).click();
    const row = page.getByRole("row").filter({ hasText: "portal-vm-1" });
    await row.getByText("active").waitFor();
    await shot("17-inventory-instances");
    await page.getByRole("link", { name: "Networks" }).click();
    await page.getByRole("row").filter({ hasText: "sha-prod" }).getByText(/^1 \/ \d+$/).waitFor();
    await shot("18-inventory-networks");
    await page.getByRole("link", { name: "Hypervisors" }).click();
    await page.getByText(/^1 \/ \d+$/).first().waitFor();
    await shot("19-inventory-allocation");
  });

  await step("a leaf refusing switchport parks the next spawn; after clearing it, retries from the UI succeed", async () => {
    await page.getByRole("link", { name: "Lab" }).click();
    await page.getByLabel("Target", { exact: true }).selectOption("leaves");
    await page.getByLabel("Fault", { exact: true }).selectOption("command-fails");
    await page.getByLabel("Command prefix").fill("switchport trunk allowed vlan add");
    await page.getByRole("button", { name: "Inject" }).click();
    await page.getByRole("cell", { name: "leaves", exact: true }).waitFor();
    await (await startSpawn("portal-vm-2", "spawn while the leaves refuse"))();
    const attentionUrl = page.url();
    await page.getByTestId("pending").first().getByRole("heading", { name: /Needs attention: ensure-overlay/ }).waitFor({ timeout: 120_000 });
    await page.getByTestId("spawn-stage").filter({ hasText: "stopped at configuring the leaves" }).waitFor();
    await shot("20-spawn-needs-attention");

    await page.getByRole("link", { name: "Lab" }).click();
    await page.getByRole("button", { name: "Clear faults on leaves" }).click();
    await page.getByText("No faults: every device behaves.").waitFor();
    await page.goto(attentionUrl);
    // Both leaves' steps may have parked: retry each until none is left.
    const done = page.locator(".page-head .badge", { hasText: "succeeded" });
    for (let i = 0; i < 4; i++) {
      const next = page.getByTestId("pending").first();
      await next.or(done).first().waitFor({ timeout: 120_000 });
      if (await done.count()) break;
      const heading = (await next.getByRole("heading").first().innerText()).trim();
      await next.getByLabel("Reason").fill("the leaves accept switchport again");
      await next.getByRole("button", { name: "Retry step" }).click();
      await page
        .getByTestId("pending")
        .filter({ has: page.getByRole("heading", { name: heading, exact: true }) })
        .waitFor({ state: "detached", timeout: 60_000 });
    }
    await succeeded();
    await page.getByTestId("spawn-leaves").locator("li", { hasText: "configured" }).nth(1).waitFor();
    await shot("21-spawn-retried");
  });

  let approvalUrl;
  await step("a spawn that requires approval waits, and its requester cannot approve it", async () => {
    await (await startSpawn("portal-vm-3", "needs a second pair of eyes", { approval: true }))();
    approvalUrl = page.url();
    const panel = page.getByTestId("pending");
    await panel.getByRole("heading", { name: /Awaiting approval: approve-overlay/ }).waitFor({ timeout: 120_000 });
    await panel.getByText("You requested this run: another approver has to approve it.").waitFor();
    expect((await panel.getByRole("button", { name: "Approve" }).count()) === 0, "the requester is offered Approve");
  });

  await step("an approver reads the plan's leaf lines and approves; the spawn succeeds", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    signedIn = false;
    await page.getByLabel("User name").waitFor();
    await signIn(approver);
    await page.goto(approvalUrl);
    const plan = page.getByTestId("plan");
    await plan.waitFor();
    const text = await plan.innerText();
    expect(/host {6}sha-hv\d\d/.test(text), `plan names the host:\n${text}`);
    expect(/MAC 02:4c:/.test(text), `plan names the MAC:\n${text}`);
    expect(/sha-leaf\d \(\w+\)\n {2}interface \S+\n {4}switchport trunk allowed vlan/.test(text), `plan shows leaf lines:\n${text}`);
    await shot("22-approval-plan");
    const panel = page.getByTestId("pending");
    await panel.getByLabel("Reason").fill("host and lines look right");
    await panel.getByRole("button", { name: "Approve" }).click();
    await succeeded();
    await shot("23-approved-spawn-succeeded");
  });

  await step("admin freezes everything from the windows page, sees it listed, and lifts it", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    signedIn = false;
    await page.getByLabel("User name").waitFor();
    await signIn(admin);
    await page.getByRole("link", { name: "Windows", exact: true }).click();
    await page.getByRole("heading", { name: "Windows", exact: true }).waitFor();
    await page.getByTestId("calendar-site:lon").waitFor();
    await page.getByText("No freeze is active or planned.").waitFor();
    await page.getByRole("button", { name: "Pause portal-new-year" }).waitFor();
    await page.getByRole("button", { name: "Freeze now" }).click();
    await page.getByText("Reason is required").waitFor();
    await page.getByLabel("Scope", { exact: true }).selectOption({ label: "Everything (global)" });
    await page.getByLabel(/^Reason/).fill("portal test: change freeze");
    await page.getByRole("button", { name: "Freeze now" }).click();
    const row = page.getByTestId("freeze").filter({ hasText: "portal test: change freeze" });
    await row.getByText("global (everything)").waitFor();
    await page.getByTestId("calendar-site:lon").getByText("frozen").first().waitFor();
    await shot("24-windows");
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("region", { name: /Windows and freezes open now/ }).getByText(/Frozen: global/).waitFor();
    await shot("25-dashboard-frozen");
    await page.getByRole("link", { name: "Windows", exact: true }).click();
    await page.getByRole("button", { name: "Lift freeze-now:global" }).click();
    await page.getByText("No freeze is active or planned.").waitFor();
  });

  await step("a viewer sees the same pages without a single action button", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    signedIn = false;
    await page.getByLabel("User name").waitFor();
    await signIn(viewer);
    const pages = [
      ["/", "Dashboard"],
      ["/catalog/topology-discovery", "Topology discovery"],
      ["/runs", "Runs"],
      [new URL(runUrl).pathname, "topology-discovery"],
      ["/catalog/instance-spawn", "Spawn an instance"],
      [new URL(spawnUrl).pathname, "instance-spawn"],
      [new URL(approvalUrl).pathname, "instance-spawn"],
      ["/inventory/instances", "Inventory"],
      ["/inventory/networks", "Inventory"],
      ["/lab", "Lab"],
      ["/inventory/fabric/sha", "Fabric of sha"],
      ["/windows", "Windows"],
    ];
    for (const [path, heading] of pages) {
      await page.goto(base + path);
      await page.getByRole("heading", { name: heading }).first().waitFor();
      await page.locator(".state-loading").first().waitFor({ state: "detached" }).catch(() => {});
      if (path === "/windows") await page.getByTestId("schedule").first().waitFor();
      const extra = (await buttonNames()).filter((b) => !viewerButtons.has(b));
      expect(extra.length === 0, `viewer sees buttons on ${path}: ${extra.join(", ")}`);
      // A disabled form's checkboxes (the spawn's "Require approval") are fine; a usable one is not.
      expect((await page.locator("input[type=checkbox]:not(:disabled)").count()) === 0, `viewer can tick a checkbox on ${path}`);
    }
    await page.goto(base + "/catalog/topology-discovery");
    await page.getByText("Your role can see operations but not start them.").waitFor();
    await shot("13-viewer-catalog");
    await page.goto(runUrl);
    await page.locator(".page-head .badge", { hasText: "succeeded" }).waitFor();
    await shot("14-viewer-run");
  });

  await step("an unknown address shows a page, not a blank screen", async () => {
    await page.goto(base + "/no/such/page");
    await page.getByRole("heading", { name: "Not found" }).waitFor();
  });

  expect(consoleErrors.length === 0, `browser console errors:\n  ${consoleErrors.join("\n  ")}`);
  console.log(`${steps.length} passed, 0 failed`);
} catch (e) {
  await shot("failure").catch(() => {});
  console.log(`\nFAILED after ${steps.length} steps: ${e.message}`);
  if (consoleErrors.length) console.log(`browser console errors:\n  ${consoleErrors.join("\n  ")}`);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
