/** The password rule: long enough, not among the most common; no composition rules. */
import { DomainError } from './errors.ts';
import type { CommonPasswords } from './ports.ts';

export const PASSWORD_MIN_LENGTH = 12;
/** Generous, but bounded so hashing cost cannot be abused. */
export const PASSWORD_MAX_LENGTH = 1024;

/** Throws a DomainError naming the `password` field when the password may not be used. */
export function checkPassword(password: string, common: CommonPasswords, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw fieldError(
      field,
      `Please use at least ${PASSWORD_MIN_LENGTH} characters. A few words together works well.`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw fieldError(field, `Please use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  if (common.isCommon(password)) {
    throw fieldError(
      field,
      'That password is one of the most commonly used ones, so it is easy to guess. Please choose another.',
    );
  }
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError('invalid_input', message, { [field]: message });
}
