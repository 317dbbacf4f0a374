import { useEffect, useState } from "react";
import { get } from "../api/http";
import type { OpenView } from "../api/windows";

export interface OpenViews {
  views?: OpenView[];
  error?: Error;
  reload: () => void;
}

/** What is open for each scope over the next `days` days, refreshed every `everyMs`. */
export function useOpenViews(scopes: string[] | undefined, days: number, everyMs = 60_000): OpenViews {
  const [views, setViews] = useState<OpenView[]>();
  const [error, setError] = useState<Error>();
  const [tick, setTick] = useState(0);
  const key = scopes?.join("|");
  useEffect(() => {
    if (key === undefined) return;
    let cancelled = false;
    const list = key === "" ? [] : key.split("|");
    Promise.all(list.map((s) => get<OpenView>(`/api/v1/windows/open?scope=${encodeURIComponent(s)}&days=${days}`)))
      .then((v) => {
        if (cancelled) return;
        setViews(v);
        setError(undefined);
      })
      .catch((e) => !cancelled && setError(e as Error));
    const timer = setTimeout(() => setTick((t) => t + 1), everyMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, days, everyMs, tick]);
  return { views, error, reload: () => setTick((t) => t + 1) };
}
