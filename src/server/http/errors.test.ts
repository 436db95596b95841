import { Writable } from 'node:stream';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';

describe('errorResponse', () => {
  it('logs an unexpected error with the route’s pattern, never the path and what it holds', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'error' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const app = new Hono<AppEnv>();
    app.get('/api/invitations/:token', () => {
      throw new Error('the store went away');
    });
    app.onError((error, c) => errorResponse(c, error, logger));
    const res = await app.request('/api/invitations/a-secret-link-token-1234');
    expect(res.status).toBe(500);
    expect((await res.json()) as unknown).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ route: 'GET /api/invitations/:token' });
    expect(lines[0]).not.toContain('a-secret-link-token-1234');
  });
});
