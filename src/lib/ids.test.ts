import { describe, expect, it } from 'vitest';
import { isUuid, newId } from './ids.ts';

describe('newId', () => {
  it('makes valid, version-7 UUIDs', () => {
    const id = newId();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
  });

  it('orders ids made in the same millisecond and across milliseconds', () => {
    const ids = [newId(1_000), newId(1_000), newId(1_000), newId(1_001), newId(999)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects strings that are not UUIDs', () => {
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid('0190A0B0-0000-7000-8000-000000000000')).toBe(false);
  });
});
