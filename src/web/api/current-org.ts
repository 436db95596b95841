/** Which of the person's organizations the app is showing; remembered on this device. */
import { useSyncExternalStore } from 'react';
import { useMe } from './account.ts';

const KEY = 'mutual.currentOrg';
const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((l) => l());
}

/** Shows `id` on every page of this tab at once, and in new tabs from now on. */
export function chooseOrg(id: string): void {
  localStorage.setItem(KEY, id);
  notify();
}

/** On sign-out: the next person on this device should not learn which organization was last shown. */
export function forgetOrg(): void {
  localStorage.removeItem(KEY);
  notify();
}

// Other tabs are deliberately not followed: a switch there must not swap the organization under a form
// someone is filling in here.
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
