// One fetch wrapper for the whole portal: the session cookie rides along, state-changing requests
// echo the CSRF cookie as a header, and every error becomes an ApiError with the server's
// field problems (problem+json `errors`).

export interface FieldProblem {
  field: string;
  message: string;
  /** For a field that is a document of its own (a runbook's YAML): where in it, 1-based. */
  line?: number;
  column?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever the server answers 401: the session has ended, show the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function cookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(name + "="))
    ?.slice(name.length + 1);
}

/**
 * The form login needs the CSRF token too (a forged login would sign the browser in as someone
 * else): every response hands it out as the XSRF-TOKEN cookie, so fetch the login page when the
 * browser has none yet (say, right after signing out).
 */
export async function ensureCsrfToken(): Promise<void> {
  if (cookie("XSRF-TOKEN")) return;
  try {
    await fetch("/login", { credentials: "same-origin", headers: { Accept: "text/html" } });
  } catch {
    // The login request itself will say that the server cannot be reached.
  }
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  form?: URLSearchParams,
): Promise<T> {
  // Without X-Requested-With a 401 carries a Basic challenge and the browser pops its own dialog.
  const headers: Record<string, string> = { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" };
  const xsrf = cookie("XSRF-TOKEN");
  if (method !== "GET" && xsrf) headers["X-XSRF-TOKEN"] = decodeURIComponent(xsrf);
  let payload: BodyInit | undefined;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "The server cannot be reached.");
  }
  if (response.status === 401 && path !== "/login") unauthorizedListeners.forEach((l) => l());
  const text = await response.text();
  const json = text && isJson(response) ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = json?.detail ?? json?.title ?? inWords(response.status, response.statusText);
    throw new ApiError(response.status, message, json?.errors ?? []);
  }
  return json as T;
}

/** A status without the server's own explanation, said in words rather than as a bare number. */
export function inWords(status: number, statusText: string): string {
  const text = statusText ? ` ${statusText}` : "";
  if (status >= 500) {
    return `The server failed to do this (HTTP ${status}${text}); nothing says it was done. Try again, or look at the server's log.`;
  }
  return `The server refused this (HTTP ${status}${text}).`;
}

function isJson(response: Response): boolean {
  return (response.headers.get("Content-Type") ?? "").includes("json");
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});
export const put = <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {});
export const del = <T>(path: string) => request<T>("DELETE", path);
