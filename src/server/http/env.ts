/** The per-request values middleware hands to handlers. */
import type { HttpBindings } from '@hono/node-server';
import type { Session, User } from '../../core/model.ts';

/** Who is calling, when signed in. */
export interface Auth {
  user: User;
  session: Session;
  /** The raw cookie token (needed to rotate or sign out). */
  token: string;
}

/** Hono environment for Mutual's app. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    auth: Auth | undefined;
    ip: string;
    requestId: string;
  };
}
