import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.ts';
import { UsageError } from '../../src/cli/command.ts';
import { dbMigrateCommand } from '../../src/cli/commands/db-migrate.ts';
import { demoCommand } from '../../src/cli/commands/demo.ts';
import { orgCreateCommand } from '../../src/cli/commands/org-create.ts';
import { userInviteCommand } from '../../src/cli/commands/user-invite.ts';
import { openStore } from '../../src/adapters/storage/index.ts';
import { memoryIo } from '../support/cli-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent', PORT: '8080' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  command: Command,
  args: string[],
  stdin = '',
  extraEnv: Record<string, string> = {},
) {
  const io = memoryIo({ ...env, ...extraEnv }, stdin);
  const code = await command.run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('mutual CLI commands', () => {
  it('db migrate applies migrations once, then reports up to date', async () => {
    const first = await run(dbMigrateCommand, []);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Applied \d+ migration/);
    const second = await run(dbMigrateCommand, []);
    expect(second.out).toMatch(/up to date/);
  });

  it('org create refuses missing flags and weak passwords with clear messages', async () => {
    await expect(run(orgCreateCommand, ['--admin-login', 'sam'])).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(
      run(orgCreateCommand, ['--name', 'X', '--admin-login', 'sam', '--bogus']),
    ).rejects.toThrow(/bogus/);
    // Names follow the web form's rules, and the message names the flag.
    await expect(
      run(orgCreateCommand, ['--name', 'R', '--admin-login', 'sam-admin']),
    ).rejects.toThrow(/^--name: Please enter a name of at least 2 characters/);
    await expect(
      run(orgCreateCommand, [
        '--name',
        'Riverside',
        '--admin-login',
        'sam-admin',
        '--admin-name',
        '\u200b',
      ]),
    ).rejects.toThrow(/^--admin-name: Please enter the name/);
    const weak = await run(
      orgCreateCommand,
      [
        '--name',
        'Riverside',
        '--admin-login',
        'sam-admin',
        '--admin-name',
        'Sam',
        '--password-stdin',
      ],
      'password1234\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/commonly used/);
  });

  it('org create makes an organization and its admin; user invite prints a working link', async () => {
    const made = await run(
      orgCreateCommand,
      [
        '--name',
        'Riverside Peer Collective',
        '--admin-login',
        'sam-admin',
        '--admin-name',
        'Sam',
        '--password-stdin',
      ],
      'willow harbor compass\n',
    );
    expect(made.code).toBe(0);
    expect(made.out).toMatch(
      /Created organization "Riverside Peer Collective" \(riverside-peer-collective/,
    );

    const invite = await run(userInviteCommand, [
      '--org',
      'riverside-peer-collective',
      '--ttl-hours',
      '2',
    ]);
    expect(invite.code).toBe(0);
    expect(invite.out.trim()).toMatch(/^http:\/\/localhost:8080\/join\/[A-Za-z0-9_-]{40,}$/);

    const missing = await run(userInviteCommand, ['--org', 'nowhere']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no organization/);
    await expect(
      run(userInviteCommand, ['--org', 'riverside-peer-collective', '--ttl-hours', 'soon']),
    ).rejects.toThrow(/ttl-hours/);
  });

  it('demo makes a separate organization with invented people who can sign in', async () => {
    const first = await run(demoCommand, []);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Mutual Demo/);
    const logins = [...first.out.matchAll(/login: (\S+)\s+password: (\S+)/g)];
    expect(logins.length).toBeGreaterThanOrEqual(3);
    const again = await run(demoCommand, []);
    expect(again.code).toBe(0);
    const db = openStore(env.DATABASE_URL);
    try {
      const orgs = await db.store.organizations.listForUser(
        (await db.store.users.findByLogin('demo-robin'))!.id,
      );
      expect(orgs.map((o) => o.slug)).toEqual(['mutual-demo']);
    } finally {
      await db.close();
    }
  });

  it('stops on a bad environment variable, naming it', async () => {
    const res = await run(dbMigrateCommand, [], '', { DATABASE_URL: 'mysql://nope' }).catch(
      (e: Error) => ({ code: -1, out: '', err: e.message }),
    );
    expect(res.err).toMatch(/DATABASE_URL/);
  });
});
