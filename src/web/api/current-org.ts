/** Which of the person's organizations the app is showing; remembered on this device. */
import { useSyncExternalStore } from 'react';
import { useMe } from './account.ts';

const KEY = 'mutual.currentOrg';
const listeners = new Set<() => void>();

export function chooseOrg(id: string): void {
  localStorage.setItem(KEY, id);
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The chosen organization, or the first one the person belongs to. */
export function useCurrentOrg() {
  const me = useMe();
  const chosen = useSyncExternalStore(subscribe, () => localStorage.getItem(KEY));
  const orgs = me.data?.organizations ?? [];
  return orgs.find((o) => o.id === chosen) ?? orgs[0];
}
