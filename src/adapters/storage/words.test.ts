import { describe, expect, it } from 'vitest';
import { erasesWords } from './words.ts';

describe('erasesWords', () => {
  it('is true for an update or a delete of a table holding words, as Kysely compiles them', () => {
    expect(erasesWords('update "messages" set "text" = ?, "edited_at" = ? where "id" = ?')).toBe(
      true,
    );
    expect(erasesWords('delete from "reflections" where "id" = ?')).toBe(true);
    expect(erasesWords('  UPDATE users SET display_name = ?')).toBe(true);
    expect(erasesWords('update "worldview_pages" set "body" = ?')).toBe(true);
  });

  it('is false for what a message post runs, and for reads and inserts', () => {
    // A post bumps the conversation's seq and the author's read marker: never a scrub per message.
    expect(erasesWords('update "conversations" set "last_seq" = "last_seq" + 1')).toBe(false);
    expect(erasesWords('update "conversation_members" set "read_seq" = ?')).toBe(false);
    expect(erasesWords('update "sessions" set "last_seen_at" = ?')).toBe(false);
    expect(erasesWords('insert into "messages" ("id", "text") values (?, ?)')).toBe(false);
    expect(erasesWords('select "text" from "messages" where "id" = ?')).toBe(false);
    expect(erasesWords('delete from "push_subscriptions" where "endpoint" = ?')).toBe(false);
    // A table whose name only starts like one that holds words.
    expect(erasesWords('update "messages_archive" set "x" = 1')).toBe(false);
  });
});
