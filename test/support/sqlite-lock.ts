/** Another process writing to a SQLite file, as the CLI may while `mutual serve` runs. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Starts a process that opens `path`, begins a write transaction, runs `statement` in it, holds the write
 * lock for `ms`, then commits. Resolves once the lock is held, with a promise for the process's exit.
 */
export async function holdWriteLock(
  path: string,
  ms: number,
  statement = 'select 1',
): Promise<{ released: Promise<void> }> {
  const other = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(path)});
       db.exec('begin immediate'); db.prepare(${JSON.stringify(statement)}).run();
       console.log('holding');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
       db.exec('commit'); db.close();`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const released = new Promise<void>((resolve, reject) =>
    other.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`)),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    other.stdout.once('data', () => resolve());
    released.catch(reject);
  });
  return { released };
}
