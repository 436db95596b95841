/** An on/off setting kept in localStorage on this device, with a React hook that follows other tabs too. */
import { useSyncExternalStore } from 'react';

export interface DeviceSetting {
  get: () => boolean;
  set: (on: boolean) => void;
  /** The current value and a setter; re-renders when this tab or another one changes it. */
  use: () => [boolean, (on: boolean) => void];
}

/** A setting stored under `key` as 'on'/'off'; `defaultOn` decides while nothing is stored. */
export function deviceSetting(key: string, defaultOn: boolean): DeviceSetting {
  const listeners = new Set<() => void>();
  const get = () => {
    const stored = localStorage.getItem(key);
    return stored === null ? defaultOn : stored === 'on';
  };
  const set = (on: boolean) => {
    localStorage.setItem(key, on ? 'on' : 'off');
    listeners.forEach((l) => l());
  };
  const subscribe = (l: () => void) => {
    listeners.add(l);
    const storage = (e: StorageEvent) => e.key === key && l();
    window.addEventListener('storage', storage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', storage);
    };
  };
  return { get, set, use: () => [useSyncExternalStore(subscribe, get), set] };
}
