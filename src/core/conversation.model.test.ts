import { describe, expect, it } from 'vitest';
import { type Message, asSeenBy } from './conversation.model.ts';

const message = (patch: Partial<Message> = {}): Message => ({
  id: '018f0000-0000-7000-8000-000000000001',
  conversationId: 'c1',
  seq: 7,
  authorId: 'author',
  text: 'a note written for this test',
  createdAt: new Date('2026-01-01T10:00:00Z'),
  editedAt: new Date('2026-01-01T10:05:00Z'),
  deletedAt: null,
  ...patch,
});

describe('asSeenBy', () => {
  it('withholds the text of a blocked author, keeping id, seq and author', () => {
    const seen = asSeenBy(message(), new Set(['author']));
    expect(seen).toMatchObject({ id: message().id, seq: 7, authorId: 'author', text: '' });
    expect(seen.hidden).toBe(true);
    expect(seen.editedAt).toBeNull();
  });

  it('leaves everyone else’s messages, and tombstones, as they are', () => {
    const m = message();
    expect(asSeenBy(m, new Set(['someone else']))).toBe(m);
    const tombstone = message({ text: '', deletedAt: new Date('2026-01-01T11:00:00Z') });
    expect(asSeenBy(tombstone, new Set(['author']))).toBe(tombstone);
  });

  it('does not change the stored message it was given (the node cache shares it)', () => {
    const m = message();
    asSeenBy(m, new Set(['author']));
    expect(m.text).toBe('a note written for this test');
    expect(m.hidden).toBeUndefined();
  });
});
