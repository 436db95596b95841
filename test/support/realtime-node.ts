/** Runs `mutual serve` as a separate process (a "node") for the two-node test, the chaos run and the benchmark. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A running node. */
export interface MutualNode {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: no goodbye, no flush beyond what the database already committed. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A port that was free a moment ago (so a restarted node can listen on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The DATABASE_URL that points pg at one schema (each pool connection gets `search_path`). */
export const pgSchemaUrl = (base: string, schema: string): string =>
  `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

/** Starts `mutual serve` (src/cli/main.ts through tsx) with `env` and resolves once it says it is ready. */
export function startNode(
  env: Record<string, string>,
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
): Promise<MutualNode> {
  // Node with tsx's loader in one process (the tsx wrapper would leave its child running after a SIGKILL).
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'src/cli/main.ts', 'serve'],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        SHUTDOWN_GRACE_MS: '1000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mutual serve was not ready within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = /ready at (http:\/\/\S+?:(\d+))/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const port = Number(match[2]);
      resolve({ child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited, kill });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`mutual serve exited with ${code}:\n${out}`));
    });
  });
}
