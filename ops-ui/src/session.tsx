import { createContext, useContext } from "react";
import type { Me, Role } from "./api/types";
import { covers } from "./api/roles";

export interface Session {
  me: Me;
  labOn: boolean;
  logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("no session");
  return s;
}

/** Whether the signed-in user may do what needs `role`; the API refuses it anyway. */
export function useCan(role: Role): boolean {
  return covers(useSession().me.role, role);
}
