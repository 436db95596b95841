import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServe } from '../support/spawn-serve.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mutual serve as a process', () => {
  it('starts on SQLite, answers health and readiness, and stops cleanly on SIGTERM', async () => {
    const srv = await spawnServe({ DATABASE_URL: `sqlite:${join(dir, 'serve.db')}` });
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${srv.url}/readyz`)).json()).toEqual({ status: 'ok' });
    const page = await fetch(`${srv.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    srv.child.kill('SIGTERM');
    expect(await srv.exited).toBe(0);
    expect(srv.output()).toMatch(/Stopped\./);
  });

  it('finishes a request in flight before stopping', async () => {
    const srv = await spawnServe({ DATABASE_URL: `sqlite:${join(dir, 'inflight.db')}` });
    // A sign-up hashes a password (tens of milliseconds): send it, then SIGTERM while it runs.
    const pending = fetch(`${srv.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Late Owl',
        login: 'late-owl',
        password: 'night heron lantern',
      }),
    });
    await new Promise((r) => setTimeout(r, 5));
    srv.child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(201);
    expect(await srv.exited).toBe(0);
  });

  it('refuses to start with a bad variable, naming it, and exits non-zero', () => {
    const res = spawnSync(process.execPath, ['bin/mutual.js', 'serve'], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/PORT must be a whole number/);
  });

  it('says so and exits non-zero when Redis cannot be reached, without showing its password', async () => {
    // A port nothing listens on. Before, the Redis clients kept retrying and the process never ended.
    const res = spawnSync(process.execPath, ['bin/mutual.js', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dir, 'no-redis.db')}`,
        REDIS_URL: 'redis://mutual:hunter2@127.0.0.1:1',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.signal, 'the process ended on its own').toBeNull();
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Redis at 127\.0\.0\.1:1 \(REDIS_URL\) could not be reached/);
    expect(res.stderr + res.stdout).not.toContain('hunter2');
  });

  it('says which port is taken when another program holds it, and exits non-zero', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const res = spawnSync(process.execPath, ['bin/mutual.js', 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${join(dir, 'taken.db')}`,
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(
        `mutual serve: port ${port} on 127.0.0.1 is already in use: stop what runs there, or choose another with PORT or --port`,
      );
    } finally {
      holder.close();
    }
  });

  it('prints help and refuses unknown commands', () => {
    const help = spawnSync(process.execPath, ['bin/mutual.js', '--help'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(help.status).toBe(0);
    for (const c of ['serve', 'db migrate', 'org create', 'user invite', 'demo', 'analyze'])
      expect(help.stdout).toContain(c);
    const unknown = spawnSync(process.execPath, ['bin/mutual.js', 'frobnicate'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
