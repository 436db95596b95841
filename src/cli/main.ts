/** The `mutual` command line: routes `mutual <command> [args]` to a command and turns failures into exit codes. */
import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { dbMigrateCommand } from './commands/db-migrate.ts';
import { demoCommand } from './commands/demo.ts';
import { orgCreateCommand } from './commands/org-create.ts';
import { serveCommand } from './commands/serve.ts';
import { userInviteCommand } from './commands/user-invite.ts';
import { ConfigError } from '../app/config.ts';

export const COMMANDS: Command[] = [
  serveCommand,
  dbMigrateCommand,
  orgCreateCommand,
  userInviteCommand,
  demoCommand,
  analyzeCommand,
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
  const command =
    COMMANDS.find((c) => c.name === argv.slice(0, 2).join(' ')) ?? COMMANDS.find((c) => c.name === argv[0]);
  if (!command) {
    io.stderr.write(`mutual: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${overview()}\n`);
    return 2;
  }
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
    io.stderr.write(`mutual ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

const isEntry = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/main.ts');
if (isEntry) {
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
