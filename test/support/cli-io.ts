/** In-memory standard streams for running CLI commands inside tests. */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/command.ts';

/** A CliIo whose output is collected as text. */
export function memoryIo(
  env: Record<string, string | undefined>,
  stdin = '',
): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return {
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    isStdoutTty: false,
    isStderrTty: false,
    env,
    out: () => out,
    err: () => err,
  };
}
