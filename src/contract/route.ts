/** A route's contract: method, path, input and output schemas. Server handlers and the web client share it. */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Whether the route needs a signed-in person. */
export type Access = 'public' | 'signed-in';

/** One HTTP route. Path parameters are written `:name`. */
export interface RouteDef<
  M extends Method = Method,
  P extends string = string,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  method: M;
  path: P;
  access: A;
  body?: B;
  query?: Q;
  response: R;
  /** The success status (200 unless said). */
  status?: 200 | 201 | 204;
}

/** Declares a route with its types kept exact. */
export const route = <
  M extends Method,
  P extends string,
  R extends z.ZodType,
  A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  def: RouteDef<M, P, B, Q, R, A>,
): RouteDef<M, P, B, Q, R, A> => def;

/** The names of a path's `:params`, as a type. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The body a route accepts (after parsing) or `undefined`. */
export type BodyOf<D> =
  D extends RouteDef<Method, string, infer B>
    ? B extends z.ZodType
      ? z.infer<B>
      : undefined
    : never;
/** The body a caller sends (before defaults are applied). */
export type BodyInputOf<D> =
  D extends RouteDef<Method, string, infer B>
    ? B extends z.ZodType
      ? z.input<B>
      : undefined
    : never;
export type QueryOf<D> =
  D extends RouteDef<Method, string, z.ZodType | undefined, infer Q>
    ? Q extends z.ZodType
      ? z.infer<Q>
      : undefined
    : never;
export type QueryInputOf<D> =
  D extends RouteDef<Method, string, z.ZodType | undefined, infer Q>
    ? Q extends z.ZodType
      ? z.input<Q>
      : undefined
    : never;
export type ResponseOf<D> =
  D extends RouteDef<Method, string, z.ZodType | undefined, z.ZodType | undefined, infer R>
    ? z.infer<R>
    : never;
export type ParamsOf<D> =
  D extends RouteDef<Method, infer P> ? Record<PathParams<P>, string> : never;

/** Fills `:params` into a path. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
