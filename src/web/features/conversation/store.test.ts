import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../contract/ws.ts';
import { ConversationStore } from './store.ts';

const msg = (seq: number, authorId: string, patch: Partial<WireMessage> = {}): WireMessage => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  authorId,
  text: `note ${seq}`,
  createdAt: '2026-01-01T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  ...patch,
});

describe('ConversationStore.hideAuthor', () => {
  it('withholds one author’s texts in place, keeps every seq, and clears their typing and presence', () => {
    const store = new ConversationStore();
    store.addPage(
      [
        msg(1, 'ivy'),
        msg(2, 'jon'),
        msg(3, 'ivy', { deletedAt: '2026-01-01T11:00:00.000Z', text: '' }),
        msg(4, 'ivy'),
      ],
      false,
      50,
    );
    store.typing('ivy');
    store.presence('ivy', true);
    store.presence('jon', true);
    store.hideAuthor('ivy');
    const { messages, typing, online, lastSeq } = store.get();
    expect(messages.map((m) => [m.seq, m.text, m.hidden ?? false])).toEqual([
      [1, '', true],
      [2, 'note 2', false],
      [3, '', false],
      [4, '', true],
    ]);
    expect(lastSeq).toBe(4);
    expect(typing).toEqual([]);
    expect(online).toEqual(['jon']);
    expect(store.hiddenRange('ivy')).toEqual([1, 4]);
    expect(store.hiddenRange('jon')).toBeUndefined();
  });

  it('shows a message again when the unhidden version replaces it', () => {
    const store = new ConversationStore();
    store.addPage([msg(1, 'ivy')], false, 50);
    store.hideAuthor('ivy');
    store.update(msg(1, 'ivy'));
    expect(store.get().messages[0]).toMatchObject({ text: 'note 1' });
    expect(store.hiddenRange('ivy')).toBeUndefined();
  });
});
