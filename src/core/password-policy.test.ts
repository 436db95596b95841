import { describe, expect, it } from 'vitest';
import { commonPasswordCount, commonPasswords } from '../adapters/crypto/common-passwords.ts';
import { DomainError } from './errors.ts';
import { checkPassword } from './password-policy.ts';

describe('password rule', () => {
  it('ships a list of at least 10,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it.each(['eleven char', 'short'])('refuses "%s" as too short, naming the field', (pw) => {
    try {
      checkPassword(pw, commonPasswords);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fields?.password).toMatch(/at least 12/);
    }
  });

  it.each([
    'qwerty123456',
    '1q2w3e4r5t6y',
    'Password1234!',
    'aaaaaaaaaaaaaa',
    'abcabcabcabc',
    'iloveyouiloveyou',
  ])('refuses the common or stretched-common password "%s"', (pw) =>
    expect(() => checkPassword(pw, commonPasswords)).toThrow(/commonly used/),
  );

  it.each([
    'maple river lantern',
    'correct-horse-battery-stapler',
    'ñandú 🌱 kettle tune',
    'x'.repeat(64) + 'y',
  ])('accepts "%s" with no composition rules', (pw) =>
    expect(() => checkPassword(pw, commonPasswords)).not.toThrow(),
  );

  it('counts characters, not bytes', () => {
    expect(() => checkPassword('🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱', commonPasswords)).toThrow(/at least 12/);
  });
});
