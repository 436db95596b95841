/** Runs `mutual serve` as a real child process and waits until it says it is ready. */
import { type ChildProcess, spawn } from 'node:child_process';

/** A running `mutual serve` process. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `node bin/mutual.js serve` with `env`; rejects with its output if it exits or is not ready in time. */
export function spawnServe(env: Record<string, string>, timeoutMs = 20_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/mutual.js', 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mutual serve was not ready within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = /ready at (http:\/\/\S+?:(\d+))/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const port = Number(match[2]);
      resolve({ child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited });
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`mutual serve exited with ${code}:\n${out}`));
    });
  });
}
