/** Queries for who is signed in and whether first-run setup is needed. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { call, isUnauthorized, type ResponseFor } from './http.ts';

export type Me = ResponseFor<'me'>;

export const ME_KEY = ['me'] as const;
export const SETUP_KEY = ['setup'] as const;

/** The signed-in person and their organizations, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await call('me');
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_KEY, queryFn: () => call('setupStatus'), staleTime: Infinity });
}

/** After sign-in, sign-up or setup: remember who is signed in and refresh everything else. */
export function signedIn(client: QueryClient, me: Me): void {
  client.setQueryData(SETUP_KEY, { needed: false });
  client.setQueryData(ME_KEY, me);
  void client.invalidateQueries({
    predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup',
  });
}

/** After sign-out: forget everything about the person. */
export function signedOut(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
  client.setQueryData(ME_KEY, null);
}
