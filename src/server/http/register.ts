/**
 * Registers a contract route on the app as a chain: authenticate, validate (zod from src/contract), handle,
 * and shape the output through the response schema so nothing beyond the contract leaves the server.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from '../../contract/route.ts';
import { ID_MESSAGE, NoInput } from '../../contract/fields.ts';
import { unauthorized } from '../../core/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { UNSTORABLE_TEXT_MESSAGE, hasUnstorableText } from '../../lib/storable-text.ts';
import type { Auth, AppEnv } from './env.ts';
import { HttpError } from './errors.ts';

/** What a handler receives. `auth` is present on signed-in routes. */
export interface HandlerInput<D extends RouteDef> {
  body: BodyOf<D>;
  query: QueryOf<D>;
  params: ParamsOf<D>;
  auth: D['access'] extends 'signed-in' ? Auth : Auth | undefined;
  c: Context<AppEnv>;
}

/** A handler returns the response value (shaped by the contract) or a ready Response. */
export type Handler<D extends RouteDef> = (
  input: HandlerInput<D>,
) => Promise<ResponseOf<D> | Response>;

/** Zod issues as `{ field: message }`, the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A Map, not an object literal: a field named "__proto__" must be named like any other, not swallowed.
  const fields = new Map<string, string>();
  const add = (field: string, message: string) => {
    if (!fields.has(field)) fields.set(field, message);
  };
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    // An unknown key is named by the key itself, so the caller sees which field to drop.
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) add([...at, k].join('.'), `"${k}" is not accepted here.`);
      continue;
    }
    add(at.length ? at.join('.') : '_', issue.message);
  }
  return Object.fromEntries(fields);
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Please send the body as application/json.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/** The first text field in `value` holding an unstorable character, as a field name. */
function unstorableField(value: unknown, at: string[] = []): string | undefined {
  if (typeof value === 'string') return hasUnstorableText(value) ? at.join('.') || '_' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = unstorableField(item, [...at, key]);
    if (field !== undefined) return field;
  }
  return undefined;
}

function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.values(fields)[0] ?? `The ${what} is not valid.`;
    throw new HttpError(400, 'invalid_input', first, fields);
  }
  // Checked after the schema, so only the shape it allows is walked (never an arbitrarily deep body).
  const field = unstorableField(parsed.data);
  if (field !== undefined) {
    throw new HttpError(400, 'invalid_input', UNSTORABLE_TEXT_MESSAGE, {
      [field]: UNSTORABLE_TEXT_MESSAGE,
    });
  }
  return parsed.data;
}

/** The query string as one value per name; a name given twice is refused rather than half-read. */
function singleQuery(c: Context<AppEnv>): Record<string, string> {
  // Built from entries, so a name like "__proto__" stays a name to refuse rather than vanishing.
  return Object.fromEntries(
    Object.entries(c.req.queries()).map(([name, values]) => {
      if (values.length > 1) {
        const message = `Give ${name} only once.`;
        throw new HttpError(400, 'invalid_input', message, { [name]: message });
      }
      return [name, values[0] ?? ''];
    }),
  );
}

/** Path ids (every `:somethingId`) are ids Mutual made: anything else is refused, naming the parameter. */
function checkedParams(params: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(params)) {
    if (/Id$/.test(name) && !isUuid(value)) {
      throw new HttpError(400, 'invalid_input', `${name}: ${ID_MESSAGE}`, {
        [name]: ID_MESSAGE,
      });
    }
  }
  return params;
}

/** Adds `def` to `app` with `handler`. */
export function register<D extends RouteDef>(app: Hono<AppEnv>, def: D, handler: Handler<D>): void {
  app.on(def.method.toUpperCase(), def.path, async (c) => {
    const auth = c.get('auth');
    if (def.access === 'signed-in' && !auth) throw unauthorized();
    // A route that takes no body or query takes none: a field it would ignore is named, not dropped.
    const body = validate(def.body ?? NoInput, await readJson(c), 'request body');
    const query = validate(def.query ?? NoInput, singleQuery(c), 'query');
    const result = await handler({
      body: (def.body ? body : undefined) as BodyOf<D>,
      query: (def.query ? query : undefined) as QueryOf<D>,
      params: checkedParams(c.req.param()) as ParamsOf<D>,
      auth: auth as HandlerInput<D>['auth'],
      c,
    });
    if (result instanceof Response) return result;
    const status = def.status ?? 200;
    if (status === 204) return c.body(null, 204);
    return c.json(def.response.parse(result) as object, status);
  });
}
