/** The shape every `mutual` sub-command implements, so main.ts can list, route and test them alike. */

/** Streams a command reads and writes; tests pass in-memory ones. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True when stdout is a terminal (colour allowed). */
  isStdoutTty: boolean;
  /** True when stderr is a terminal (progress bars allowed). */
  isStderrTty: boolean;
  env: Record<string, string | undefined>;
}

/** One sub-command: `mutual <name> [...args]`. `run` resolves to the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A bad invocation: main prints the message and the command's usage, then exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
