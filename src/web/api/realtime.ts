/**
 * The real-time channel: one WebSocket to /ws per signed-in tab, reconnecting calmly with backoff, and
 * closing for good when the server says the session ended. Frames are typed by src/contract/ws.ts.
 */
import { CLOSE, type ClientFrame, ServerFrame, WS_PATH } from '../../contract/ws.ts';

export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'ended';
type FrameListener = (frame: ServerFrame) => void;

const PING_EVERY_MS = 15_000;
const PONG_WITHIN_MS = 6_000;

export class Realtime {
  status: LinkStatus = 'connecting';
  /** Increases with every welcomed connection, so the outbox can send each message once per connection. */
  connection = 0;
  userId: string | undefined;
  private socket: WebSocket | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly statusListeners = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`,
  ) {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  start(): void {
    this.stopped = false;
    if (!navigator.onLine) this.setStatus('offline');
    else this.open();
  }

  /** Closes for good (sign-out). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.teardown(1000);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.setStatus('ended');
  }

  /** Sends a frame when the link is open; returns false otherwise (the caller keeps it for later). */
  send(frame: ClientFrame): boolean {
    if (this.status !== 'open' || this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: LinkStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.statusListeners.forEach((l) => l());
  }

  private readonly onOnline = () => {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  };

  private readonly onOffline = () => {
    if (this.stopped) return;
    this.teardown(1000);
    this.setStatus('offline');
  };

  private open(): void {
    this.teardown(1000);
    this.setStatus(this.connection === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.stopTimers();
      if (event.code === CLOSE.SESSION_ENDED) {
        this.stopped = true;
        this.setStatus('ended');
        return;
      }
      this.scheduleRetry(event.code === CLOSE.RATE_LIMITED ? 5_000 : 0);
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const frame = ServerFrame.safeParse(parsed);
    if (!frame.success) return;
    const f = frame.data;
    if (f.type === 'welcome') {
      this.userId = f.userId;
      this.connection += 1;
      this.attempt = 0;
      this.startPinging();
      this.setStatus('open');
    }
    if (f.type === 'pong') clearTimeout(this.pongTimer);
    this.frameListeners.forEach((l) => l(f));
  }

  private scheduleRetry(minimumMs: number): void {
    if (this.stopped) return;
    if (!navigator.onLine) {
      this.setStatus('offline');
      return;
    }
    this.setStatus('reconnecting');
    // Backoff with jitter: 0.5 s, 1 s, 2 s … up to 15 s, so a restarting server is not stampeded.
    const delay = Math.max(
      minimumMs,
      Math.min(15_000, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2),
    );
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private startPinging(): void {
    this.stopTimers();
    this.pingTimer = setInterval(() => {
      if (!this.send({ type: 'ping' })) return;
      clearTimeout(this.pongTimer);
      // No answer in time means the link is dead even if the socket has not noticed yet.
      this.pongTimer = setTimeout(() => {
        this.teardown(4000);
        this.scheduleRetry(0);
      }, PONG_WITHIN_MS);
    }, PING_EVERY_MS);
  }

  private stopTimers(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
  }

  private teardown(code: number): void {
    this.stopTimers();
    const s = this.socket;
    this.socket = undefined;
    if (s && s.readyState <= WebSocket.OPEN) {
      s.onclose = null;
      s.onmessage = null;
      s.close(code);
    }
  }
}
