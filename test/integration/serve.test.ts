import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { getPriority, tmpdir } from 'node:os';
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

  it('stops cleanly on a SIGTERM sent the moment it says it is ready, even on a busy machine', async () => {
    // Before, the signal handlers were installed just after the "ready" line: a process preempted right
    // after writing it, and stopped then, died of the signal with nothing finished (4 in 10 here).
    const busy = [0, 1].map(() =>
      spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
    );
    try {
      for (let i = 0; i < 6; i++) {
        const srv = await spawnServe({ DATABASE_URL: `sqlite:${join(dir, 'sigterm.db')}` });
        srv.child.kill('SIGTERM');
        expect(await srv.exited, srv.output()).toBe(0);
        expect(srv.output()).toMatch(/Stopped\./);
      }
    } finally {
      for (const b of busy) b.kill('SIGKILL');
    }
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

  /** Each thread's nice value, from /proc (field 19 of `stat`, after the name in parentheses). */
  const niceOfThreads = (pid: number) =>
    readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      return {
        tid: Number(tid),
        nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]),
      };
    });

  it.runIf(process.platform === 'linux')(
    'runs its helper threads below the event loop, at HELPER_THREAD_NICE, and leaves them alone at 0',
    async () => {
      const lowered = await spawnServe({
        DATABASE_URL: `sqlite:${join(dir, 'nice.db')}`,
        HELPER_THREAD_NICE: '7',
      });
      // Whatever this process runs at (0 unless started under `nice`), the server's main thread keeps.
      const own = getPriority();
      const pid = lowered.child.pid!;
      const threads = niceOfThreads(pid);
      expect(threads.find((t) => t.tid === pid)?.nice).toBe(own);
      const helpers = threads.filter((t) => t.tid !== pid);
      // V8's workers and the checkpoint worker at least.
      expect(helpers.length).toBeGreaterThanOrEqual(5);
      expect(helpers.map((t) => t.nice)).toEqual(helpers.map(() => Math.max(7, own)));
      lowered.child.kill('SIGTERM');
      expect(await lowered.exited).toBe(0);

      const untouched = await spawnServe({
        DATABASE_URL: `sqlite:${join(dir, 'nice.db')}`,
        HELPER_THREAD_NICE: '0',
      });
      const asStarted = niceOfThreads(untouched.child.pid!).map((t) => t.nice);
      expect(asStarted).toEqual(asStarted.map(() => own));
      untouched.child.kill('SIGTERM');
      expect(await untouched.exited).toBe(0);
    },
  );
  if (process.platform !== 'linux')
    console.log('[skip] helper-thread priority test: Linux only (it reads /proc)');

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
