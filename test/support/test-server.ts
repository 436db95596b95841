/** Starts the real server on a free port and gives tests a cookie-keeping HTTP client. */
import type { ComposeOptions } from '../../src/app/compose.ts';
import { startMutual, type RunningServer } from '../../src/server/index.ts';
import type { TestDatabase } from './databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** A response as tests look at it. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps its own cookies, sends JSON, reads JSON. */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The session cookie's value, if any (for WebSocket handshakes). */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (this.cookies.size) h.cookie = this.cookieHeader;
    if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (e.g. an HTML page): keep the text.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

/** A running test server. */
export interface TestServer extends TestApp {
  server: RunningServer;
  url: string;
  client(): ApiClient;
}

export async function startTestServer(
  db: TestDatabase,
  env: Record<string, string> = {},
  options: ComposeOptions = {},
): Promise<TestServer> {
  const app = await createTestApp(db, env, options);
  const server = await startMutual(app.ctx);
  const url = `http://127.0.0.1:${server.port}`;
  return {
    ...app,
    server,
    url,
    client: () => new ApiClient(url),
    close: async () => {
      await server.close();
      await app.close().catch(() => undefined);
    },
  };
}

let counter = 0;
/** A unique, valid, uncommon password and login for a made-up person. */
export function person(name = 'Person'): { displayName: string; login: string; password: string } {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    displayName: `${name} ${counter}`,
    login: `${name.toLowerCase()}-${tag}@example.org`,
    password: `maple river lantern ${tag}`,
  };
}
