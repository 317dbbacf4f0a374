import { Link } from "react-router";
import { ApiError } from "../api/http";
import { AWAITING_APPROVAL, NEEDS_ATTENTION } from "../api/status";
import type { RunPage } from "../api/types";
import { RunsTable } from "../components/RunsTable";
import { Empty, ErrorState, Loading } from "../components/states";
import { useApi } from "../components/useApi";

interface Section {
  title: string;
  status: string;
  empty: string;
}

// Operator control and windows add the first three statuses; until then the server answers 400
// to them and their sections stay empty.
const SECTIONS: Section[] = [
  { title: "Needs attention", status: NEEDS_ATTENTION, empty: "No run is waiting for an operator's decision." },
  { title: "Awaiting approval", status: AWAITING_APPROVAL, empty: "No run is waiting for an approval." },
  { title: "Waiting for a window", status: "waiting_window", empty: "No run is waiting for a maintenance window." },
  { title: "Waiting for a lease", status: "waiting_lease", empty: "No run is waiting for a lease." },
  { title: "Running", status: "running", empty: "Nothing is running." },
  { title: "Recently failed", status: "failed", empty: "No failed runs." },
];

export function DashboardPage() {
  return (
    <section>
      <div className="page-head">
        <h1>Dashboard</h1>
        <Link to="/catalog" className="button primary">
          Start an operation
        </Link>
      </div>
      <div className="dashboard">
        {SECTIONS.map((s) => (
          <DashboardSection key={s.status} section={s} />
        ))}
      </div>
    </section>
  );
}

function DashboardSection({ section }: { section: Section }) {
  const { data, error, loading, reload } = useApi<RunPage>(`/api/v1/runs?status=${section.status}&limit=10`, 5000);
  const unknownStatus = error instanceof ApiError && error.status === 400;
  const id = `dash-${section.status}`;
  return (
    <section className="card dash-section" aria-labelledby={id}>
      <h2 id={id}>
        {section.title}
        {data && data.items.length > 0 && <span className="count">{data.next ? "10+" : data.items.length}</span>}
      </h2>
      {loading && !data && !error ? (
        <Loading what={section.title.toLowerCase()} />
      ) : error && !unknownStatus && !data ? (
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
