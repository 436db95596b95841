/** `mutual demo`: a separate demo organization with synthetic people, for trying Mutual out. */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app/compose.ts';
import type { User } from '../../core/model.ts';
import { parseFlags, say } from '../args.ts';
import type { Command } from '../command.ts';
import { baseUrl, withApp } from '../context.ts';
import { seedDemoConversations } from './demo-conversations.ts';

/** Invented people: no real person's name or words. */
export const DEMO_PEOPLE = [
  { login: 'demo-robin', displayName: 'Robin (demo)', pronouns: 'she/her' },
  { login: 'demo-kai', displayName: 'Kai (demo)', pronouns: 'they/them' },
  { login: 'demo-marisol', displayName: 'Marisol (demo)', pronouns: 'she/her' },
  { login: 'demo-theo', displayName: 'Theo (demo)', pronouns: 'he/him' },
] as const;

export const DEMO_ORG_SLUG = 'mutual-demo';

/** Something that adds more demo content (relationships, conversations) once the people exist. */
export type DemoSeeder = (ctx: AppContext, orgId: string, people: User[]) => Promise<string[]>;

/** Later parts of Mutual register their seeders here. */
export const DEMO_SEEDERS: DemoSeeder[] = [seedDemoConversations];

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Fill a separate demo organization with synthetic people to try Mutual with.',
  usage: `mutual demo

Creates (or refreshes) the organization "Mutual Demo" with a few invented people, and prints how to
sign in as each. Running it again gives them new passwords. Real organizations are not touched.`,
  async run(args, io) {
    parseFlags(args, {});
    return withApp(io, async (ctx) => {
      const { store } = ctx.db;
      const credentials: Array<{ login: string; password: string; name: string }> = [];
      const people: User[] = [];
      for (const p of DEMO_PEOPLE) {
        const password = `demo-${randomBytes(9).toString('base64url')}`;
        let user = await store.users.findByLogin(p.login);
        if (user) {
          // The demo password is refreshed on every run; only synthetic demo accounts are touched.
          await ctx.accounts.setPassword(user.id, password);
        } else {
          user = (
            await ctx.accounts.signUp({ displayName: p.displayName, login: p.login, password })
          ).user;
          await ctx.accounts.updateProfile(user.id, { pronouns: p.pronouns });
          await ctx.accounts.revokeAllSessions(user.id);
        }
        people.push(user);
        credentials.push({ login: p.login, password, name: p.displayName });
      }
      const [first] = people;
      if (!first) return 1;
      let org = await store.organizations.findBySlug(DEMO_ORG_SLUG);
      if (!org) {
        org = await ctx.organizations.create({ name: 'Mutual Demo', admin: first });
        if (org.slug !== DEMO_ORG_SLUG)
          throw new Error('the demo organization slug is taken by another organization');
      }
      for (const person of people) {
        if (!(await store.memberships.find(org.id, person.id))) {
          await store.memberships.insert({
            orgId: org.id,
            userId: person.id,
            isAdmin: false,
            joinedAt: ctx.clock.now(),
          });
        }
      }
      const notes: string[] = [];
      for (const seed of DEMO_SEEDERS) notes.push(...(await seed(ctx, org.id, people)));
      say(
        io.stdout,
        `Demo organization "${org.name}" is ready with ${people.length} invented people.`,
      );
      for (const note of notes) say(io.stdout, note);
      say(io.stdout, `Sign in at ${baseUrl(ctx)} as any of them:`);
      for (const c of credentials)
        say(
          io.stdout,
          `  ${c.name.padEnd(16)} login: ${c.login.padEnd(14)} password: ${c.password}`,
        );
      return 0;
    });
  },
};
