/** `mutual user invite`: a single-use link to join an organization. */
import { parseFlags, say } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { baseUrl, withApp } from '../context.ts';

export const userInviteCommand: Command = {
  name: 'user invite',
  summary: 'Make a single-use invitation link for an organization.',
  usage: `mutual user invite --org SLUG_OR_ID [--admin] [--ttl-hours N]

Prints a link that lets one person join the organization (as an admin with --admin). It expires
after N hours (default INVITATION_TTL_HOURS, 168) and works once.`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      org: { type: 'string' },
      admin: { type: 'boolean' },
      'ttl-hours': { type: 'string' },
    });
    if (!values.org) throw new UsageError('--org is required');
    let ttlHours: number | undefined;
    if (values['ttl-hours'] !== undefined) {
      ttlHours = Number(values['ttl-hours']);
      if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > 720) {
        throw new UsageError('--ttl-hours must be a whole number from 1 to 720');
      }
    }
    const key = values.org;
    return withApp(io, async (ctx) => {
      const { store } = ctx.db;
      const org =
        (await store.organizations.findBySlug(key)) ?? (await store.organizations.findById(key));
      if (!org) {
        say(io.stderr, `mutual: no organization has the slug or id "${key}"`);
        return 1;
      }
      const admin = (await store.memberships.list(org.id)).find((m) => m.isAdmin);
      if (!admin) {
        say(io.stderr, `mutual: "${org.name}" has no admin to send the invitation from`);
        return 1;
      }
      const { token, invitation } = await ctx.organizations.invite(org.id, admin.userId, {
        asAdmin: values.admin ?? false,
        ...(ttlHours !== undefined ? { ttlHours } : {}),
      });
      say(io.stdout, `${baseUrl(ctx)}/join/${token}`);
      say(io.stderr, `Works once, until ${invitation.expiresAt.toISOString()}.`);
      return 0;
    });
  },
};
