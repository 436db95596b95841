/** The coach on/off switch, remembered in localStorage on this device. */
import { useSyncExternalStore } from 'react';

const KEY = 'mutual.coach';
const listeners = new Set<() => void>();

export function setCoachEnabled(on: boolean): void {
  localStorage.setItem(KEY, on ? 'on' : 'off');
  listeners.forEach((l) => l());
}

export function isCoachEnabled(): boolean {
  return localStorage.getItem(KEY) !== 'off';
}

/** Whether the coach is on (default on) and a setter. */
export function useCoachEnabled(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore((l) => {
    listeners.add(l);
    const storage = (e: StorageEvent) => e.key === KEY && l();
    window.addEventListener('storage', storage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', storage);
    };
  }, isCoachEnabled);
  return [on, setCoachEnabled];
}
