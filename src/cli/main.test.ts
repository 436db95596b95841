import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/support/cli-io.ts';
import { COMMANDS, runCli } from './main.ts';

describe('mutual CLI routing', () => {
  it('lists every command, and each listed command loads with the same name and a usage text', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage.length).toBeGreaterThan(20);
    }
  });

  it('prints a command’s usage for --help and exits 0', async () => {
    const io = memoryIo({});
    expect(await runCli(['user', 'invite', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/mutual user invite --org/);
  });

  it('exits 2 with the usage on a bad flag', async () => {
    const io = memoryIo({ DATABASE_URL: 'sqlite::memory:' });
    expect(await runCli(['db', 'migrate', '--nope'], io)).toBe(2);
    expect(io.err()).toMatch(/--nope/);
    expect(io.err()).toMatch(/mutual db migrate/);
  });

  it('exits 1 naming the variable on bad configuration', async () => {
    const io = memoryIo({ DATABASE_URL: 'oracle://x' });
    expect(await runCli(['db', 'migrate'], io)).toBe(1);
    expect(io.err()).toMatch(/DATABASE_URL/);
  });

  it('exits 2 with no command', async () => {
    const io = memoryIo({});
    expect(await runCli([], io)).toBe(2);
    expect(io.out()).toMatch(/Usage: mutual <command>/);
  });
});
