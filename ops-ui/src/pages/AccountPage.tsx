import { useState } from "react";
import { ApiError, post, put, type FieldProblem } from "../api/http";
import type { ApiToken, Role, User } from "../api/types";
import { Empty, ErrorState, Loading } from "../components/states";
import { when } from "../components/time";
import { useApi } from "../components/useApi";
import { useCan, useSession } from "../session";

const ROLES: Role[] = ["viewer", "operator", "approver", "admin"];

/**
 * The signed-in user's account: change their password, see their API tokens and when each
 * expires; for admins, every user with role, enabled and a password reset. A role change, a
 * disable or a reset ends that user's sessions and revokes their tokens at once.
 */
export function AccountPage() {
  const { me } = useSession();
  const isAdmin = useCan("admin");
  return (
    <section>
      <h1>Account</h1>
      <p className="muted">
        Signed in as <strong>{me.username}</strong> ({me.role}).
      </p>
      <ChangePassword />
      <Tokens />
      {isAdmin && <Users self={me.username} />}
    </section>
  );
}

function fieldError(errors: FieldProblem[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

function ChangePassword() {
  const [oldPassword, setOld] = useState("");
  const [newPassword, setNew] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mismatch = again !== "" && again !== newPassword;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setErrors([]);
    setMessage(undefined);
    try {
      await post("/api/v1/me/password", { oldPassword, newPassword });
      setOld("");
      setNew("");
      setAgain("");
      setMessage("Password changed. Your other sessions have been signed out.");
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) setErrors(err.errors);
      else setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <p className="muted small">At least 12 characters, not a common password and not containing your user name.</p>
      <div className="field">
        <label htmlFor="old-password">Current password</label>
        <input id="old-password" type="password" autoComplete="current-password" required value={oldPassword} onChange={(e) => setOld(e.target.value)} aria-invalid={!!fieldError(errors, "oldPassword")} />
        {fieldError(errors, "oldPassword") && <p className="field-error">Current password {fieldError(errors, "oldPassword")}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <input id="new-password" type="password" autoComplete="new-password" required minLength={12} value={newPassword} onChange={(e) => setNew(e.target.value)} aria-invalid={!!fieldError(errors, "newPassword")} />
        {fieldError(errors, "newPassword") && <p className="field-error">New password {fieldError(errors, "newPassword")}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-password-again">New password again</label>
        <input id="new-password-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch} />
        {mismatch && <p className="field-error">The two new passwords differ.</p>}
      </div>
      {message && (
        <p className="state" role="status">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || mismatch}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

function Tokens() {
  const tokens = useApi<ApiToken[]>("/api/v1/tokens");
  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Your API tokens</h2>
      <p className="muted small">Created with POST /api/v1/tokens; a token without an expiry date lives 90 days.</p>
      {tokens.error ? (
        <ErrorState error={tokens.error} retry={tokens.reload} />
      ) : !tokens.data ? (
        <Loading what="tokens" />
      ) : tokens.data.length === 0 ? (
        <Empty>You have no API tokens.</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{when(t.createdAt)}</td>
                <td>{t.expiresAt ? when(t.expiresAt) : "never"}</td>
                <td>{t.lastUsedAt ? when(t.lastUsedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Users({ self }: { self: string }) {
  const users = useApi<User[]>("/api/v1/users");
  const [message, setMessage] = useState<string>();
  if (users.error) return <ErrorState error={users.error} retry={users.reload} />;
  if (!users.data) return <Loading what="users" />;
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <p className="muted small">Changing a user's role, disabling them or resetting their password signs them out everywhere and revokes their API tokens.</p>
      {message && (
        <p className="state" role="status">
          {message}
        </p>
      )}
      <table>
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role and access</th>
            <th scope="col">Password reset</th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <UserRow key={u.id} user={u} self={u.username === self} onDone={(m) => { setMessage(m); users.reload(); }} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function UserRow({ user, self, onDone }: { user: User; self: boolean; onDone: (message: string) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [enabled, setEnabled] = useState(user.enabled);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDone(done);
    } catch (err) {
      const e = err as ApiError;
      setError(e.errors?.[0] ? `${e.errors[0].field} ${e.errors[0].message}` : e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <td>
        {user.username}
        {self && <span className="muted small"> (you)</span>}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.username}
        </label>
        <select id={`role-${user.id}`} value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>{" "}
        <label>
          <input type="checkbox" checked={enabled} disabled={self} onChange={(e) => setEnabled(e.target.checked)} /> enabled
        </label>{" "}
        <button type="button" disabled={busy || self || (role === user.role && enabled === user.enabled)} onClick={() => act(() => put(`/api/v1/users/${user.id}`, { role, enabled }), `${user.username} is now ${enabled ? role : "disabled"}.`)}>
          Save
        </button>
      </td>
      <td>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(() => put(`/api/v1/users/${user.id}/password`, { password }), `${user.username}'s password was reset.`).then(() => setPassword(""));
          }}
        >
          <label className="visually-hidden" htmlFor={`reset-${user.id}`}>
            New password for {user.username}
          </label>
          <input id={`reset-${user.id}`} type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} placeholder="new password" />{" "}
          <button type="submit" disabled={busy || password.length === 0}>
            Reset
          </button>
        </form>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
