/** Password hashing with argon2id (OWASP's minimum: 19 MiB memory, 2 passes, 1 lane). */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../core/ports.ts';

/** Cost settings; tests may lower them, production never goes below the defaults. */
export interface Argon2Options {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const ARGON2_DEFAULTS: Argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** `Algorithm.Argon2id` is a const enum in the package's types; its value is 2. */
const ARGON2ID = 2;

/** PasswordHasher backed by @node-rs/argon2 (runs off the main thread). */
export class Argon2Hasher implements PasswordHasher {
  constructor(private readonly options: Argon2Options = ARGON2_DEFAULTS) {}

  hash(password: string): Promise<string> {
    return hash(password, { ...this.options, algorithm: ARGON2ID });
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
}
