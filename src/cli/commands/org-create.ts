/** `mutual org create`: an organization and its first admin, from the command line. */
import { normalizeLogin } from '../../core/account.service.ts';
import { parseFlags, readAll, say } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { baseUrl, withApp } from '../context.ts';
import { DisplayName } from '../../contract/accounts.ts';
import { OrganizationName } from '../../contract/organizations.ts';
import type { z } from 'zod';

/** The flag's value by the same rule as the web form's, or a usage error naming the flag. */
function checked(schema: z.ZodType<string>, flag: string, value: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
  return parsed.data;
}

export const orgCreateCommand: Command = {
  name: 'org create',
  summary: 'Create an organization and its first admin.',
  usage: `mutual org create --name NAME --admin-login LOGIN [--admin-name NAME] [--password-stdin]

Creates the organization with LOGIN as its admin. If no account has that login yet, one is made:
give --admin-name and the password on standard input (--password-stdin) or in MUTUAL_ADMIN_PASSWORD.

Example:
  printf '%s' "$PASSWORD" | mutual org create --name "Riverside Peer Collective" \\
    --admin-login sam@example.org --admin-name Sam --password-stdin`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      name: { type: 'string' },
      'admin-login': { type: 'string' },
      'admin-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    if (!values.name?.trim()) throw new UsageError('--name is required');
    if (!values['admin-login']?.trim()) throw new UsageError('--admin-login is required');
    const name = checked(OrganizationName, '--name', values.name);
    const login = normalizeLogin(values['admin-login']);
    return withApp(io, async (ctx) => {
      let admin = await ctx.db.store.users.findByLogin(login);
      if (!admin) {
        if (!values['admin-name']?.trim())
          throw new UsageError('--admin-name is required for a new account');
        const displayName = checked(DisplayName, '--admin-name', values['admin-name']);
        const password = values['password-stdin']
          ? (await readAll(io.stdin)).replace(/\r?\n$/, '')
          : io.env.MUTUAL_ADMIN_PASSWORD;
        if (!password)
          throw new UsageError(
            'give the new admin a password with --password-stdin or MUTUAL_ADMIN_PASSWORD',
          );
        admin = (await ctx.accounts.signUp({ displayName, login, password })).user;
        await ctx.accounts.revokeAllSessions(admin.id);
      }
      const org = await ctx.organizations.create({ name, admin });
      say(io.stdout, `Created organization "${org.name}" (${org.slug}, id ${org.id}).`);
      say(
        io.stdout,
        `${admin.displayName} (${admin.login}) is its admin. Sign in at ${baseUrl(ctx)}`,
      );
      return 0;
    });
  },
};
