import { useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, type Schemas, unwrap, useKeyForRequests } from '../api/client';

/**
 * The key lives in memory and in sessionStorage (gone when the tab closes; survives a reload), never in
 * localStorage. Signing out, a 401, or IDLE_MS without input forgets it.
 */
const STORAGE_KEY = 'provisio.console.key';
export const IDLE_MS = 15 * 60 * 1000;

export type Operator = Schemas['CurrentOperatorDto'];

interface Session {
  operator?: Operator;
  canWrite: boolean;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause?: string;
  signIn(key: string): Promise<void>;
  signOut(reason?: string): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState<string | undefined>(() => sessionStorage.getItem(STORAGE_KEY) ?? undefined);
  const [operator, setOperator] = useState<Operator>();
  const [endedBecause, setEndedBecause] = useState<string>();
  const idle = useIdle(IDLE_MS, { initialState: false });

  const signOut = useCallback((reason?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setKey(undefined);
    setOperator(undefined);
    setEndedBecause(reason);
    queryClient.clear();
  }, [queryClient]);

  useKeyForRequests(key, () => signOut('The key was refused (revoked or wrong). Sign in again.'));

  const signIn = useCallback(async (candidate: string) => {
    const me = unwrap(await api.GET('/admin/v1/me', { headers: { Authorization: `Bearer ${candidate}` } }));
    sessionStorage.setItem(STORAGE_KEY, candidate);
    setEndedBecause(undefined);
    setKey(candidate);
    setOperator(me);
  }, []);

  // A reload keeps the key in sessionStorage: ask who it is again.
  useEffect(() => {
    if (!key || operator) return;
    api.GET('/admin/v1/me').then(unwrap).then(setOperator).catch((error: unknown) => {
      if (error instanceof ApiError) signOut('Your session ended. Sign in again.');
    });
  }, [key, operator, signOut]);

  useEffect(() => {
    if (idle && key) signOut('Signed out after 15 minutes without activity.');
  }, [idle, key, signOut]);

  const value = useMemo<Session>(
    () => ({ operator: key ? operator : undefined, canWrite: operator?.role === 'admin', endedBecause, signIn, signOut }),
    [key, operator, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Renders write actions (create, edit, revoke, replay, ...) only for the admin role; auditors see none. */
export function WriteAction({ children }: { children: ReactNode }) {
  return useSession().canWrite ? <>{children}</> : null;
}
