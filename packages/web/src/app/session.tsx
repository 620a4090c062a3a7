import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, get } from './api.ts';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: 'admin' | 'secretary' | 'practitioner' | 'accountant';
  language: 'fr' | 'en';
  organizationId: string;
  organizationName: string;
  totpEnabled: boolean;
  permissions: string[];
  areas: string[];
}

interface SessionValue {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<void>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  const me = query.data ?? null;
  const value: SessionValue = {
    me,
    loading: query.isLoading,
    refresh: async () => {
      await client.invalidateQueries();
    },
    can: (permission) => me?.permissions.includes(permission) ?? false,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
