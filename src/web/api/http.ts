/** The typed HTTP client: calls routes by name from src/contract, with their body, params and response types. */
import {
  buildPath,
  type BodyInputOf,
  type ParamsOf,
  type QueryInputOf,
  type ResponseOf,
} from '../../contract/route.ts';
import { ID_MESSAGE } from '../../contract/fields.ts';
import { routes, type RouteName, type Routes } from '../../contract/routes.ts';
import { copy } from '../copy.ts';

/** An error the API answered with (`{ error: { code, message, fields? } }`) or a network failure (`code: 'network'`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Nothing there: not found, or an address whose id is no id at all (a mistyped or cut-off link). */
  get isMissing(): boolean {
    return (
      this.status === 404 ||
      (this.status === 400 &&
        Object.entries(this.fields).some(([k, v]) => k.endsWith('Id') && v === ID_MESSAGE))
    );
  }
}

type Def<N extends RouteName> = Routes[N];
type ParamsPart<N extends RouteName> = keyof ParamsOf<Def<N>> extends never
  ? { params?: undefined }
  : { params: ParamsOf<Def<N>> };
type BodyPart<N extends RouteName> =
  BodyInputOf<Def<N>> extends undefined ? { body?: undefined } : { body: BodyInputOf<Def<N>> };
type QueryPart<N extends RouteName> =
  QueryInputOf<Def<N>> extends undefined ? { query?: undefined } : { query: QueryInputOf<Def<N>> };

/** What a call to route `N` takes. */
export type CallArgs<N extends RouteName> = ParamsPart<N> &
  BodyPart<N> &
  QueryPart<N> & { signal?: AbortSignal };
export type ResponseFor<N extends RouteName> = ResponseOf<Def<N>>;

type Optional<N extends RouteName> =
  object extends CallArgs<N> ? [args?: CallArgs<N>] : [args: CallArgs<N>];

function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

async function readError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    };
    if (body.error?.message)
      return new ApiError(
        res.status,
        body.error.code ?? 'error',
        body.error.message,
        body.error.fields,
      );
  } catch {
    // Not JSON: fall through to a general message.
  }
  return new ApiError(res.status, 'error', copy.errors.general);
}

/** Calls the route named `name`. Resolves with the parsed response; rejects with ApiError. */
export async function call<N extends RouteName>(
  name: N,
  ...[args]: Optional<N>
): Promise<ResponseFor<N>> {
  const def = routes[name];
  const a = (args ?? {}) as {
    params?: Record<string, string>;
    body?: unknown;
    query?: unknown;
    signal?: AbortSignal;
  };
  const url = buildPath(def.path, a.params ?? {}) + queryString(a.query);
  const init: RequestInit = {
    method: def.method.toUpperCase(),
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  };
  if (a.signal) init.signal = a.signal;
  if (def.method !== 'get' && def.method !== 'delete') {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(a.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', copy.errors.network);
  }
  if (!res.ok) throw await readError(res);
  if (res.status === 204) return undefined as ResponseFor<N>;
  const json: unknown = await res.json();
  const parsed = def.response.safeParse(json);
  // A newer server may add fields; the contract's shape is what the UI relies on.
  return (parsed.success ? parsed.data : json) as ResponseFor<N>;
}

/** True when `error` means "not signed in". */
export const isUnauthorized = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401;
