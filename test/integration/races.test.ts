/**
 * Requests that race one another, over HTTP, on both databases. On SQLite the store runs transactions one
 * after another; on PostgreSQL (read committed) these are the cases where two transactions interleave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createOrg, say, signUp, type TestPerson } from '../support/conversations.ts';
import { TEST_DATABASES } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(TEST_DATABASES)('requests that race ($name)', (db) => {
  let srv: TestServer;
  let orgId: string;
  let founder: TestPerson;

  beforeAll(async () => {
    srv = await startTestServer(db, { AUTH_LIMIT_PER_IP: '10000' });
    founder = await signUp(srv, 'Founder');
    orgId = await createOrg(srv, founder);
  });
  afterAll(async () => srv?.close());

  const two = async (tag: string) =>
    [await signUp(srv, `${tag}One`, orgId), await signUp(srv, `${tag}Two`, orgId)] as const;
  const messages = async (p: TestPerson, conversationId: string) =>
    (await p.client.get(`/api/conversations/${conversationId}/messages?limit=200`)).body
      .messages as Array<{ id: string; seq: number; text: string; deletedAt: string | null }>;
  const lastSeq = async (p: TestPerson, conversationId: string) =>
    (await p.client.get(`/api/conversations/${conversationId}`)).body.lastSeq as number;

  it('never brings a deleted message back when an edit races the delete', async () => {
    const [ada, ben] = await two('Edit');
    const rel = await connect(ada, ben, orgId);
    const outcomes: string[] = [];
    for (let i = 0; i < 15; i++) {
      const posted = await say(ada, rel, `a first thought, number ${i}`);
      const url = `/api/conversations/${rel}/messages/${posted.body.message.id}`;
      const [edit, remove] = await Promise.all([
        ada.client.patch(url, { text: `a second thought, number ${i}` }),
        ada.client.delete(url),
      ]);
      outcomes.push(`${edit.status}/${remove.status}`);
    }
    expect(outcomes.every((o) => o === '200/200' || o === '409/200')).toBe(true);
    // Every one of them is deleted as the other person reads it: no words, a deletion time.
    const seen = await messages(ben, rel);
    expect(seen).toHaveLength(15);
    expect(seen.filter((m) => m.text !== '' || m.deletedAt === null)).toEqual([]);
  });

  it('stores nothing in a relationship after a leave or a block returned, however many sends were in flight', async () => {
    for (const act of ['leave', 'block'] as const) {
      for (let round = 0; round < 3; round++) {
        const [ada, ben] = await two(`${act}${round}`);
        const rel = await connect(ada, ben, orgId);
        const sends = Array.from({ length: 25 }, (_, i) => say(ben, rel, `note ${i}`));
        await new Promise((r) => setTimeout(r, 5));
        const done =
          act === 'leave'
            ? await ada.client.post(`/api/conversations/${rel}/leave`)
            : await ada.client.post('/api/blocks', { userId: ben.id });
        expect(done.status).toBe(200);
        const atAct = await lastSeq(ben, rel);
        const statuses = (await Promise.all(sends)).map((r) => r.status);
        expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
        // What was stored came before the leave or block; every send after it was refused.
        expect(await lastSeq(ben, rel)).toBe(atAct);
        expect(statuses.filter((s) => s === 201)).toHaveLength(atAct);
      }
    }
  });

  it('never leaves a relationship open when a block and an acceptance between the two come at once', async () => {
    for (let round = 0; round < 10; round++) {
      const [ada, ben] = await two(`Block${round}`);
      // In-app invitations and links alike (a link names no one, so a block does not close it).
      const byLink = round % 2 === 1;
      const invitation = await ben.client.post(
        '/api/connection-invitations',
        byLink ? { orgId } : { orgId, userId: ada.id },
      );
      const [blocked, accepted] = await Promise.all([
        ada.client.post('/api/blocks', { userId: ben.id }),
        byLink
          ? ada.client.post('/api/connection-invitations/accept-link', {
              token: invitation.body.token,
            })
          : ada.client.post(`/api/connection-invitations/${invitation.body.id}/accept`),
      ]);
      expect(blocked.status).toBe(200);
      expect([200, 404, 410]).toContain(accepted.status);
      // Whichever came first, Ada is not in a relationship with Ben, and Ben cannot write to her.
      expect((await ada.client.get('/api/conversations')).body.conversations).toEqual([]);
      const rel = accepted.status === 200 ? (accepted.body.id as string) : undefined;
      if (rel) expect((await say(ben, rel, 'are you there?')).status).toBe(409);
      // Unblocking does not reopen it, nor bring back an invitation the block closed.
      expect((await ada.client.delete(`/api/blocks/${ben.id}`)).status).toBe(200);
      if (rel) expect((await say(ben, rel, 'and now?')).status).toBe(409);
      expect((await ada.client.get('/api/connection-invitations')).body.received).toEqual([]);
    }
  });

  it('connects two people who invite each other at once exactly once, and clears the other invitation', async () => {
    for (let round = 0; round < 4; round++) {
      const [ada, ben] = await two(`Both${round}`);
      const made = await Promise.all([
        ada.client.post('/api/connection-invitations', { orgId, userId: ben.id }),
        ben.client.post('/api/connection-invitations', { orgId, userId: ada.id }),
      ]);
      const open = made.filter((r) => r.status === 201);
      expect(open.length).toBeGreaterThan(0);
      const received = (await ben.client.get('/api/connection-invitations')).body.received;
      const toBen = received.length > 0 ? received[0].id : undefined;
      const toAda = (await ada.client.get('/api/connection-invitations')).body.received[0]?.id;
      const first = toBen
        ? await ben.client.post(`/api/connection-invitations/${toBen}/accept`)
        : await ada.client.post(`/api/connection-invitations/${toAda}/accept`);
      expect(first.status).toBe(200);
      const rel = first.body.id as string;
      const joined = (await ada.client.get(`/api/conversations/${rel}`)).body.members;
      // Nothing is left waiting for either of them.
      for (const p of [ada, ben])
        expect((await p.client.get('/api/connection-invitations')).body).toEqual({
          received: [],
          sent: [],
        });
      // The other invitation, if both were made, still answers with the same relationship and changes nothing.
      const other = toBen && toAda ? toAda : undefined;
      if (other) {
        const again = await ada.client.post(`/api/connection-invitations/${other}/accept`);
        expect([again.status, again.body.id]).toEqual([200, rel]);
        expect((await ada.client.get(`/api/conversations/${rel}`)).body.members).toEqual(joined);
      }
    }
  });

  it('says an invitation is no longer open when declining or withdrawing it after it was accepted', async () => {
    const [ada, ben] = await two('Late');
    const invitation = await ada.client.post('/api/connection-invitations', {
      orgId,
      userId: ben.id,
    });
    const id = invitation.body.id as string;
    expect((await ben.client.post(`/api/connection-invitations/${id}/accept`)).status).toBe(200);
    const declined = await ben.client.post(`/api/connection-invitations/${id}/decline`);
    const withdrawn = await ada.client.delete(`/api/connection-invitations/${id}`);
    expect([declined.status, withdrawn.status]).toEqual([410, 410]);
    expect(declined.body.error.message).toMatch(/no longer open/);
    expect((await ada.client.get('/api/conversations')).body.conversations).toHaveLength(1);
  });
});
