import { describe, expect, it } from 'vitest';
import { hasUnstorableText } from './storable-text.ts';

describe('hasUnstorableText', () => {
  it('finds a NUL and either half of a surrogate pair alone, and nothing in whole emoji or plain text', () => {
    for (const text of ['a\u0000b', 'x\uD83Cy', 'half \uDF3F', '\uD83C'])
      expect(hasUnstorableText(text), JSON.stringify(text)).toBe(true);
    for (const text of ['plain words', '🌿 and 🌱', 'tab\tand\nnew line', ''])
      expect(hasUnstorableText(text), JSON.stringify(text)).toBe(false);
  });
});
