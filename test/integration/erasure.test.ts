/**
 * On the embedded database, words a person edits away or deletes leave the database's files within
 * seconds: the database file at the next checkpoint (secure_delete), and the write-ahead log when the
 * checkpointer cuts it to nothing after the edit or delete (src/adapters/storage/words.ts). PostgreSQL
 * keeps old row versions until autovacuum: docs/ARCHITECTURE.md says so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/adapters/bus/in-process.bus.ts';
import { composeApp } from '../../src/app/compose.ts';
import { loadConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import { newId } from '../../src/lib/ids.ts';
import { connectIds, seedOrg } from '../support/conversations.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-erasure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('words edited away or deleted (SQLite)', () => {
  it('are in neither the database file nor its log a few seconds later, and the rest is as it was', async () => {
    const path = join(dir, 'mutual.db');
    const ctx = await composeApp(
      loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent' }),
      {
        bus: new InProcessBus(),
        logger: createLogger('silent'),
      },
    );
    try {
      const filesWith = (words: string) =>
        [path, `${path}-wal`].filter((f) => existsSync(f) && readFileSync(f).includes(words));
      const { orgId, ids } = await seedOrg(ctx, 2);
      const [ada, ben] = ids as [string, string];
      const conversationId = await connectIds(ctx, orgId, ada, ben);
      const post = (text: string) => ctx.messaging.post(ada, { conversationId, id: newId(), text });
      const first = await post('a first thought, later put another way');
      const second = await post('a second thought, later taken back');
      const kept = await post('a third thought that stays');
      expect(filesWith('later put another way')).toContain(`${path}-wal`);

      await ctx.messaging.edit(ada, { conversationId, id: first.message.id, text: 'said better' });
      await ctx.messaging.remove(ada, { conversationId, id: second.message.id });

      let left = [...filesWith('later put another way'), ...filesWith('later taken back')];
      for (let i = 0; i < 50 && left.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        left = [...filesWith('later put another way'), ...filesWith('later taken back')];
      }
      expect(left).toEqual([]);
      const page = await ctx.messaging.page(ben, conversationId, { limit: 10 });
      expect(page.messages.map((m) => [m.seq, m.text, m.deletedAt !== null])).toEqual([
        [first.message.seq, 'said better', false],
        [second.message.seq, '', true],
        [kept.message.seq, 'a third thought that stays', false],
      ]);
    } finally {
      await ctx.close();
    }
  });
});
