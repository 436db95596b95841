/** The most common passwords, from the zxcvbn-ts project's list (about 49,000), shipped in node_modules. */
import { dictionary } from '@zxcvbn-ts/language-common';
import type { CommonPasswords } from '../../core/ports.ts';

let list: Set<string> | undefined;

function load(): Set<string> {
  list ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return list;
}

/** How many passwords the list holds. */
export function commonPasswordCount(): number {
  return load().size;
}

/**
 * CommonPasswords that also catches the usual stretching of a common password to reach the minimum
 * length: repeating it, or adding a few digits or symbols before or after it.
 */
export const commonPasswords: CommonPasswords = {
  isCommon(password: string): boolean {
    const words = load();
    const p = password.toLowerCase();
    if (words.has(p)) return true;
    if (/^(.)\1*$/u.test(p)) return true;
    const core = p.replace(/^[\d\W_]{1,4}|[\d\W_]{1,4}$/gu, '');
    if (core.length > 0 && core !== p && words.has(core)) return true;
    for (let size = 1; size <= p.length / 2; size++) {
      if (p.length % size !== 0) continue;
      const unit = p.slice(0, size);
      if (unit.repeat(p.length / size) === p && (size <= 3 || words.has(unit))) return true;
    }
    return false;
  },
};
