import { useCallback, useEffect, useRef, useState } from "react";
import { NavLink, Route, Routes, useLocation } from "react-router";
import { ApiError, get, onUnauthorized, post } from "./api/http";
import type { Me } from "./api/types";
import { SessionContext } from "./session";
import { LoginPage } from "./pages/LoginPage";
import { DashboardPage } from "./pages/DashboardPage";
import { CatalogPage } from "./pages/CatalogPage";
import { RunsPage } from "./pages/RunsPage";
import { RunPage } from "./pages/RunPage";
import { InventoryPage } from "./pages/InventoryPage";
import { LabPage } from "./pages/LabPage";
import { WindowsPage } from "./pages/WindowsPage";
import { RunbooksPage } from "./pages/RunbooksPage";
import { AccountPage } from "./pages/AccountPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ErrorState, Loading } from "./components/states";

type State = { kind: "loading" } | { kind: "signed-out" } | { kind: "error"; error: Error } | { kind: "signed-in"; me: Me; labOn: boolean };

async function loadSession(): Promise<State> {
  try {
    const me = await get<Me>("/api/v1/me");
    const lab = await get<{ enabled: boolean }>("/api/v1/lab/status");
    return { kind: "signed-in", me, labOn: lab.enabled };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { kind: "signed-out" };
    return { kind: "error", error: e as Error };
  }
}

export function App() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const refresh = useCallback(() => {
    loadSession().then(setState);
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => onUnauthorized(() => setState({ kind: "signed-out" })), []);

  const logout = useCallback(() => {
    post("/logout").finally(() => setState({ kind: "signed-out" }));
  }, []);

  if (state.kind === "loading") return <Loading what="Longhaul" />;
  if (state.kind === "error")
    return (
      <main className="centered">
        <ErrorState error={state.error} retry={refresh} />
      </main>
    );
  if (state.kind === "signed-out") return <LoginPage onSignedIn={refresh} />;
  return (
    <SessionContext.Provider value={{ me: state.me, labOn: state.labOn, logout }}>
      <Shell me={state.me} labOn={state.labOn} logout={logout}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/login" element={<DashboardPage />} />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="/catalog/:operation" element={<CatalogPage />} />
          <Route path="/runs" element={<RunsPage />} />
          <Route path="/runs/:id" element={<RunPage />} />
          <Route path="/inventory/*" element={<InventoryPage />} />
          <Route path="/windows" element={<WindowsPage />} />
          <Route path="/runbooks" element={<RunbooksPage />} />
          <Route path="/runbooks/:name" element={<RunbooksPage />} />
          <Route path="/account" element={<AccountPage />} />
          {state.labOn && <Route path="/lab" element={<LabPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Shell>
    </SessionContext.Provider>
  );
}

function Shell({ me, labOn, logout, children }: { me: Me; labOn: boolean; logout: () => void; children: React.ReactNode }) {
  // A new page starts keyboard and screen-reader users at its content, as a page load would.
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Longhaul</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/catalog">Catalog</NavLink>
          <NavLink to="/runs">Runs</NavLink>
          <NavLink to="/inventory">Inventory</NavLink>
          <NavLink to="/windows">Windows</NavLink>
          <NavLink to="/runbooks">Runbooks</NavLink>
          {labOn && <NavLink to="/lab">Lab</NavLink>}
        </nav>
        <span className="whoami">
          <NavLink to="/account" data-testid="whoami" title="Your account: password, tokens, users">
            {me.username}
          </NavLink>{" "}
          <span className="role">{me.role}</span>
          <button type="button" className="link-button" onClick={logout}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
