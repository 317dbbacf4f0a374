import { useCallback, useEffect, useRef, useState } from "react";
import { get } from "../api/http";

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs a path and keeps the answer; with `everyMs` it polls while `keepPolling(data)` holds.
 * A failed poll keeps the last good data and shows the error beside it.
 */
export function useApi<T>(path: string | null, everyMs?: number, keepPolling?: (data: T) => boolean): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const keep = useRef(keepPolling);
  keep.current = keepPolling;

  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const d = await get<T>(path);
        if (cancelled) return;
        setData(d);
        setError(undefined);
        if (everyMs && (!keep.current || keep.current(d))) timer = setTimeout(load, everyMs);
      } catch (e) {
        if (cancelled) return;
        setError(e as Error);
        if (everyMs) timer = setTimeout(load, everyMs * 2);
      } finally {
        if (!cancelled) setLoading(false);
      }
    };
    setLoading(true);
    load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [path, everyMs, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
