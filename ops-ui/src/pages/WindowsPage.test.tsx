import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../api/types";
import type { Freeze, MaintenanceWindow, OpenView, Schedule } from "../api/windows";
import { SessionContext } from "../session";
import { Calendar } from "../windows/Calendar";
import { WindowsPage } from "./WindowsPage";

// Local times, so the test reads the same in any zone: Monday 12 January 2026, 11:00.
const local = (d: number, h: number, m = 0) => new Date(2026, 0, d, h, m).toISOString();
const now = new Date(2026, 0, 12, 11, 0);

const sha: OpenView = {
  scope: "site:sha",
  at: now.toISOString(),
  openNow: true,
  closesAt: local(12, 23),
  waitingFor: null,
  opensAt: null,
  openings: [
    { window: "hdfs-daytime", start: local(12, 10), end: local(12, 23) },
    { window: "hdfs-daytime", start: local(13, 10), end: local(13, 23) },
    // Across midnight: shown on both days, clipped to each.
    { window: "nightly", start: local(14, 22), end: local(15, 2) },
  ],
  freezes: [{ freeze: "xmas", start: local(15, 0), end: local(16, 0), reason: "release" }],
};
const ams: OpenView = {
  scope: "site:ams",
  at: now.toISOString(),
  openNow: false,
  closesAt: null,
  waitingFor: "freeze freeze-now:global",
  opensAt: local(13, 2),
  openings: [{ window: "ams-night", start: local(13, 2), end: local(13, 4) }],
  freezes: [],
};

describe("the calendar", () => {
  it("lays out each scope's openings on the local days they fall on, marking what is open now", () => {
    render(<Calendar views={[sha, ams]} now={now} days={14} />);
    const headers = screen.getAllByRole("columnheader");
    expect(headers).toHaveLength(15);
    expect(headers[1]).toHaveTextContent("Today");

    const shaRow = screen.getByTestId("calendar-site:sha");
    const cells = within(shaRow).getAllByRole("cell");
    expect(cells).toHaveLength(14);
    expect(cells[0]).toHaveTextContent("10:00–23:00");
    expect(cells[0].querySelector(".cal-now")).toHaveTextContent("(open now)");
    expect(cells[1]).toHaveTextContent("10:00–23:00");
    expect(cells[1].querySelector(".cal-now")).toBeNull();
    expect(cells[2]).toHaveTextContent("22:00–24:00");
    expect(cells[3]).toHaveTextContent("00:00–02:00");
    expect(cells[3]).toHaveTextContent("frozen");
    expect(cells[4]).toBeEmptyDOMElement();
    expect(within(shaRow).getByRole("rowheader")).toHaveTextContent("open now until today 23:00");

    const amsRow = screen.getByTestId("calendar-site:ams");
    expect(within(amsRow).getByRole("rowheader")).toHaveTextContent("held by freeze freeze-now:global");
    expect(within(amsRow).getAllByRole("cell")[1]).toHaveTextContent("02:00–04:00");
    expect(amsRow.querySelector(".cal-now")).toBeNull();
  });

  it("does not call a frozen opening open now", () => {
    render(<Calendar views={[{ ...sha, openNow: false, closesAt: null, waitingFor: "freeze incident", opensAt: local(13, 10) }]} now={now} days={3} />);
    expect(screen.getAllByRole("cell")[0]).toHaveTextContent("10:00–23:00");
    expect(document.querySelector(".cal-now")).toBeNull();
    expect(screen.getByRole("rowheader")).toHaveTextContent("held by freeze incident · opens Tue");
  });
});

const windows: MaintenanceWindow[] = [
  { id: 1, name: "hdfs-daytime", description: null, scopes: ["site:sha"], rrule: "FREQ=DAILY;BYHOUR=10", cron: null, durationMinutes: 780, zone: "Europe/Berlin", anchor: null, exceptionDates: null },
];
const freezes: Freeze[] = [
  { id: 7, name: "freeze-now:global", scopes: [], startsAt: local(12, 9), endsAt: null, reason: "incident 42", createdBy: "admin", createdAt: local(12, 9), liftedBy: null },
];
const schedules: Schedule[] = [
  { id: 3, name: "nightly-discovery", operation: "topology-discovery", reason: "r", rrule: null, cron: "0 2 * * *", windowId: null, zone: "UTC", anchor: null, overlap: "skip", catchupSeconds: 0, paused: false },
  { id: 4, name: "hdfs-batch", operation: "hdfs-migration", reason: "r", rrule: null, cron: null, windowId: 1, zone: null, anchor: null, overlap: "skip", catchupSeconds: 0, paused: true },
];

function server() {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const u = new URL(url, "http://x");
    const p = u.pathname;
    let body: unknown = [];
    let status = 200;
    if (init?.method === "POST" && p === "/api/v1/freezes/now") status = 201;
    else if (p === "/api/v1/windows") body = windows;
    else if (p === "/api/v1/windows/open") body = { ...sha, scope: u.searchParams.get("scope") };
    else if (p === "/api/v1/freezes") body = freezes;
    else if (p === "/api/v1/schedules") body = schedules;
    else if (/^\/api\/v1\/schedules\/\d+\/next$/.test(p)) body = [local(13, 2)];
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  });
}

function page(role: Role) {
  render(
    <SessionContext.Provider value={{ me: { username: "u", role }, labOn: false, logout: () => {} }}>
      <MemoryRouter>
        <WindowsPage />
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the windows page", () => {
  it("gives an operator freeze, lift, pause, resume and trigger controls; freeze now needs a reason", async () => {
    const fetch = server();
    vi.stubGlobal("fetch", fetch);
    page("operator");
    expect(await screen.findByTestId("calendar-site:sha")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Lift freeze-now:global" })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Pause nightly-discovery" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Resume hdfs-batch" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Trigger nightly-discovery now" })).toBeInTheDocument();
    expect(screen.getByText("each opening of hdfs-daytime")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Freeze now" }));
    expect(screen.getByText("Reason is required")).toBeInTheDocument();
    expect(fetch.mock.calls.some((c) => String(c[0]) === "/api/v1/freezes/now")).toBe(false);

    await userEvent.type(screen.getByLabelText(/^Reason/), "incident 43");
    await userEvent.click(screen.getByRole("button", { name: "Freeze now" }));
    const call = fetch.mock.calls.find((c) => String(c[0]) === "/api/v1/freezes/now");
    expect(call?.[1]?.method).toBe("POST");
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ reason: "incident 43" });
  });

  it("shows a viewer the same information without a single button", async () => {
    vi.stubGlobal("fetch", server());
    page("viewer");
    expect(await screen.findByTestId("calendar-site:sha")).toBeInTheDocument();
    expect(await screen.findByText("incident 42")).toBeInTheDocument();
    expect(await screen.findByText("nightly-discovery")).toBeInTheDocument();
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryByLabelText(/^Reason/)).toBeNull();
  });

  it("says so when nothing is defined, and shows a failed load with a retry", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        const failing = String(url).startsWith("/api/v1/schedules");
        return new Response(JSON.stringify(failing ? { detail: "schedules are unavailable" } : []), {
          status: failing ? 503 : 200,
          headers: { "Content-Type": failing ? "application/problem+json" : "application/json" },
        });
      }),
    );
    page("operator");
    expect(await screen.findByText(/No maintenance windows are defined/)).toBeInTheDocument();
    expect(await screen.findByText("No freeze is active or planned.")).toBeInTheDocument();
    expect(await screen.findByText("schedules are unavailable")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
