/** The `mutual` command line: routes `mutual <command> [args]` to a command and turns failures into exit codes. */
import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';
import { ConfigError } from '../app/config.ts';

/** A command as listed: its module loads only when it runs, so `mutual serve` never loads the coach. */
interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'serve',
    summary: 'Start Mutual (runs migrations first).',
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
  {
    name: 'db migrate',
    summary: 'Apply database migrations (they also run on every start).',
    load: async () => (await import('./commands/db-migrate.ts')).dbMigrateCommand,
  },
  {
    name: 'org create',
    summary: 'Create an organization and its first admin.',
    load: async () => (await import('./commands/org-create.ts')).orgCreateCommand,
  },
  {
    name: 'user invite',
    summary: 'Make a single-use invitation link for an organization.',
    load: async () => (await import('./commands/user-invite.ts')).userInviteCommand,
  },
  {
    name: 'demo',
    summary: 'Fill a separate demo organization with invented people to try Mutual with.',
    load: async () => (await import('./commands/demo.ts')).demoCommand,
  },
  {
    name: 'analyze',
    summary: 'Run the language coach on text (a report, or JSON lines with --jsonl).',
    load: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  },
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: mutual <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "mutual <command> --help" for a command\'s options.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and the script) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(`${overview()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const entry =
    COMMANDS.find((c) => c.name === argv.slice(0, 2).join(' ')) ??
    COMMANDS.find((c) => c.name === argv[0]);
  if (!entry) {
    io.stderr.write(`mutual: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${overview()}\n`);
    return 2;
  }
  const command = await entry.load();
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`mutual ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`mutual: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(
      `mutual ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

const isEntry =
  import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/main.ts');
if (isEntry) {
  // A reader that stops early (`mutual analyze --jsonl big.jsonl | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const code = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isStdoutTty: process.stdout.isTTY === true,
    isStderrTty: process.stderr.isTTY === true,
    env: process.env,
  });
  process.exitCode = code;
}
