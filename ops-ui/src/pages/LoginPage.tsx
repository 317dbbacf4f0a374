import { useState } from "react";
import { ApiError, ensureCsrfToken, request } from "../api/http";

/** Signs in through the API's form login; the session cookie then carries every request. */
export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await ensureCsrfToken();
      await request("POST", "/login", undefined, new URLSearchParams({ username, password }));
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? "Wrong user name or password." : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Longhaul</h1>
        <p className="muted">Sign in to run and watch datacenter operations.</p>
        <div className="field">
          <label htmlFor="username">User name</label>
          <input id="username" name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="muted small">
          First start: the user is <code>admin</code>; its password is <code>LONGHAUL_ADMIN_PASSWORD</code> or the one printed on the server's console.
        </p>
      </form>
    </main>
  );
}
