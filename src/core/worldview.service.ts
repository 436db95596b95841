/**
 * Worldview pages: each person's own words about how they make sense of their experience. The person
 * chooses, per relationship or circle, who may read it; revoking is immediate because every read checks.
 */
import { isMember, requireMember } from './four-tasks-access.ts';
import type { FourTasksStore } from './four-tasks.ports.ts';
import type { WorldviewGrant, WorldviewPage } from './four-tasks.model.ts';
import { notFound } from './errors.ts';
import type { Runtime, Store } from './ports.ts';

export interface WorldviewDeps extends Runtime {
  store: Store;
  fourTasks: FourTasksStore;
}

/** A page as a reader sees it. */
export interface ReadablePage {
  page: WorldviewPage;
  displayName: string;
}

export class WorldviewService {
  constructor(private readonly deps: WorldviewDeps) {}

  /** The caller's own page (empty until written) and the conversations that may read it. */
  async mine(userId: string): Promise<{ page: WorldviewPage; readers: WorldviewGrant[] }> {
    const { fourTasks } = this.deps;
    const page = (await fourTasks.worldview.find(userId)) ?? {
      userId,
      body: '',
      answers: {},
      updatedAt: new Date(0),
    };
    return { page, readers: await fourTasks.worldview.listGrants(userId) };
  }

  async save(
    userId: string,
    input: { body: string; answers: Record<string, string> },
  ): Promise<{ page: WorldviewPage; readers: WorldviewGrant[] }> {
    const answers = Object.fromEntries(
      Object.entries(input.answers)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ''),
    );
    await this.deps.fourTasks.worldview.upsert({
      userId,
      body: input.body.trim(),
      answers,
      updatedAt: this.deps.clock.now(),
    });
    return this.mine(userId);
  }

  /** Lets the people in one of the caller's conversations read the page. */
  async grant(userId: string, conversationId: string): Promise<WorldviewGrant[]> {
    const { store, fourTasks, clock } = this.deps;
    await requireMember(store, userId, conversationId);
    await fourTasks.worldview.grant({ userId, conversationId, grantedAt: clock.now() });
    return fourTasks.worldview.listGrants(userId);
  }

  /** Takes that access away; the next read by anyone there is refused. */
  async revoke(userId: string, conversationId: string): Promise<WorldviewGrant[]> {
    await this.deps.fourTasks.worldview.revoke(userId, conversationId);
    return this.deps.fourTasks.worldview.listGrants(userId);
  }

  /**
   * Someone's page, if its owner shared it with a conversation both people are currently in. To anyone
   * else it does not exist.
   */
  async read(viewerId: string, ownerId: string): Promise<ReadablePage> {
    const { store, fourTasks } = this.deps;
    const page = await fourTasks.worldview.find(ownerId);
    if (!page) throw notFound('page');
    if (viewerId !== ownerId && !(await this.mayRead(viewerId, ownerId))) throw notFound('page');
    // Withheld from someone who blocked its owner, as their messages are.
    if (viewerId !== ownerId && (await store.blocks.exists(viewerId, ownerId)))
      throw notFound('page');
    const owner = await store.users.findById(ownerId);
    if (!owner) throw notFound('page');
    return { page, displayName: owner.displayName };
  }

  /** The pages shared into one conversation, other than the caller's own. */
  async listShared(viewerId: string, conversationId: string): Promise<ReadablePage[]> {
    const { store, fourTasks } = this.deps;
    await requireMember(store, viewerId, conversationId);
    const grants = await fourTasks.worldview.listGrantsInto(conversationId);
    const hidden = new Set(await store.blocks.blockedBy(viewerId));
    const pages: ReadablePage[] = [];
    for (const grant of grants) {
      if (grant.userId === viewerId || hidden.has(grant.userId)) continue;
      if (!(await isMember(store, grant.userId, conversationId))) continue;
      const page = await fourTasks.worldview.find(grant.userId);
      const owner = await store.users.findById(grant.userId);
      if (page && owner) pages.push({ page, displayName: owner.displayName });
    }
    return pages;
  }

  private async mayRead(viewerId: string, ownerId: string): Promise<boolean> {
    const { store, fourTasks } = this.deps;
    for (const grant of await fourTasks.worldview.listGrants(ownerId)) {
      if (
        (await isMember(store, viewerId, grant.conversationId)) &&
        (await isMember(store, ownerId, grant.conversationId))
      ) {
        return true;
      }
    }
    return false;
  }
}
