import { Link } from "react-router";
import { AWAITING_APPROVAL, NEEDS_ATTENTION, WAITING, type KnownStatus, type RunStatus } from "../api/status";
import type { RunPage } from "../api/types";
import { RunsTable } from "../components/RunsTable";
import { Empty, ErrorState, Loading } from "../components/states";
import { useApi } from "../components/useApi";
import { useCan } from "../session";
import { OpenNowSection } from "../windows/OpenNow";

interface Section {
  title: string;
  status: RunStatus;
  empty: string;
}

// A section whose status this server does not list is shown empty without asking.
const SECTIONS: Section[] = [
  { title: "Needs attention", status: NEEDS_ATTENTION, empty: "No run is waiting for an operator's decision." },
  { title: "Awaiting approval", status: AWAITING_APPROVAL, empty: "No run is waiting for an approval." },
  { title: "Waiting for a window or a lease", status: WAITING, empty: "No run is waiting for a window or a lease." },
  { title: "Running", status: "running", empty: "Nothing is running." },
  { title: "Recently failed", status: "failed", empty: "No failed runs." },
];

export function DashboardPage() {
  const canStart = useCan("operator");
  const statuses = useApi<KnownStatus[]>("/api/v1/runs/statuses");
  if (statuses.error) return <ErrorState error={statuses.error} retry={statuses.reload} />;
  if (!statuses.data) return <Loading what="the dashboard" />;
  const known = new Set(statuses.data.map((s) => s.value));
  return (
    <section>
      <div className="page-head">
        <h1>Dashboard</h1>
        {canStart && (
          <Link to="/catalog" className="button primary">
            Start an operation
          </Link>
        )}
      </div>
      <div className="dashboard">
        <OpenNowSection />
        {SECTIONS.map((s) => (
          <DashboardSection key={s.status} section={s} known={known.has(s.status)} />
        ))}
      </div>
    </section>
  );
}

function DashboardSection({ section, known }: { section: Section; known: boolean }) {
  const { data, error, loading, reload } = useApi<RunPage>(known ? `/api/v1/runs?status=${section.status}&limit=10` : null, 5000);
  const id = `dash-${section.status}`;
  return (
    <section className="card dash-section" aria-labelledby={id}>
      <h2 id={id}>
        {section.title}
        {data && data.items.length > 0 && <span className="count">{data.next ? "10+" : data.items.length}</span>}
      </h2>
      {loading && !data && !error ? (
        <Loading what={section.title.toLowerCase()} />
      ) : error && !data ? (
        <ErrorState error={error} retry={reload} />
      ) : !data || data.items.length === 0 ? (
        <Empty>{section.empty}</Empty>
      ) : (
        <>
          <RunsTable runs={data.items} caption={section.title} />
          {data.next && <Link to={`/runs?status=${section.status}`}>All {section.title.toLowerCase()}</Link>}
        </>
      )}
    </section>
  );
}
