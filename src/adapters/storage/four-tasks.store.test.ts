import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdWriteLock } from '../../../test/support/sqlite-lock.ts';
import { newId } from '../../lib/ids.ts';
import { FourTasksKyselyStore } from './four-tasks.store.ts';
import { openStore } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutual-four-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FourTasksKyselyStore on SQLite', () => {
  it("runs its transactions through the group committer: one that reads first waits for another process's write", async () => {
    const path = join(dir, 'mutual.db');
    const open = openStore(`sqlite:${path}`);
    try {
      await open.migrate();
      const { store } = open;
      const userId = newId();
      await store.users.insert({
        id: userId,
        login: `${userId}@example.org`,
        displayName: 'Wren',
        pronouns: null,
        passwordHash: 'not-a-real-hash',
        presenceHidden: false,
        createdAt: new Date(),
      });
      const fourTasks = new FourTasksKyselyStore(store.db, (work) => store.transactionOn(work));
      const other = await holdWriteLock(path, 300);
      await fourTasks.transaction(async (tx) => {
        // A read first: a deferred transaction would get SQLITE_BUSY at the write, without waiting.
        expect(await tx.worldview.find(userId)).toBeUndefined();
        await tx.worldview.upsert({
          userId,
          body: 'What I notice lately.',
          answers: {},
          updatedAt: new Date(),
        });
      });
      await other.released;
      expect((await fourTasks.worldview.find(userId))?.body).toBe('What I notice lately.');
    } finally {
      await open.close();
    }
  });
});
