/**
 * Browser stand-ins for unit tests of the web app's real-time modules in Node: localStorage, window events,
 * location, navigator and a WebSocket whose server side the test plays. Import it before those modules.
 */
export class MemStorage {
  readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, String(v));
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
  }
}

export const storage = new MemStorage();
const listeners = new Map<string, Set<() => void>>();
const g = globalThis as unknown as Record<string, unknown>;
g.window = {
  addEventListener: (type: string, listener: () => void) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(listener);
  },
  removeEventListener: (type: string, listener: () => void) =>
    listeners.get(type)?.delete(listener),
};
g.location = { protocol: 'http:', host: 'test.local' };
Object.defineProperty(globalThis, 'navigator', {
  value: { onLine: true },
  configurable: true,
  writable: true,
});
g.localStorage = storage;

/** What the test's "server" does with each frame a client sends. */
export type ServerPart = (socket: FakeSocket, frame: Record<string, unknown>) => void;

export const USER = '01900000-0000-7000-8000-000000000001';

/** A WebSocket whose server is the test: it answers `welcome` on open, then `onClientFrame`. */
export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  static onClientFrame: ServerPart = () => undefined;
  readyState = 0;
  readonly sent: Array<Record<string, unknown>> = [];
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
    queueMicrotask(() => {
      if (this.readyState !== 0) return;
      this.readyState = 1;
      this.serverSend({
        type: 'welcome',
        userId: USER,
        presenceHidden: false,
        heartbeatMs: 25_000,
        limits: { framesPerSecond: 20, maxPayload: 65_536, maxText: 8_000 },
      });
    });
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    const frame = JSON.parse(data) as Record<string, unknown>;
    this.sent.push(frame);
    queueMicrotask(() => {
      if (this.readyState === 1) FakeSocket.onClientFrame(this, frame);
    });
  }

  close(code = 1000): void {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.({ code }));
  }

  serverSend(frame: unknown): void {
    if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(frame) });
  }

  serverClose(code: number): void {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }
}
g.WebSocket = FakeSocket;

/** Every frame the clients sent, on every socket. */
export const sentFrames = (): Array<Record<string, unknown>> =>
  FakeSocket.all.flatMap((s) => s.sent);

/** Back to no sockets, an empty store and a server that answers nothing. */
export function resetFakes(): void {
  FakeSocket.all = [];
  FakeSocket.onClientFrame = () => undefined;
  storage.clear();
  (globalThis as unknown as { navigator: { onLine: boolean } }).navigator.onLine = true;
}
