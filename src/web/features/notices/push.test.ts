/** push.ts: base64url keys, failed subscribes in plain words, and turning on and off in a fake browser. */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copy } from '../../copy.ts';
import { base64UrlToBytes, PushError, subscribeFailure, turnOffPush, turnOnPush } from './push.ts';

/** A VAPID public key as servers hand it out: 65 bytes (0x04, x, y) in base64url without padding. */
const KEY =
  'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

describe('base64UrlToBytes', () => {
  it('decodes a VAPID public key to its 65 bytes', () => {
    const bytes = base64UrlToBytes(KEY);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
    expect([...bytes]).toEqual([...Buffer.from(KEY, 'base64url')]);
  });

  it('reads the url-safe letters, with or without padding', () => {
    expect([...base64UrlToBytes('-_8')]).toEqual([0xfb, 0xff]);
    expect([...base64UrlToBytes('-_8=')]).toEqual([0xfb, 0xff]);
    expect([...base64UrlToBytes('AQID')]).toEqual([1, 2, 3]);
    expect([...base64UrlToBytes('')]).toEqual([]);
  });

  it('gives back any bytes that were encoded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64url');
        expect([...base64UrlToBytes(text)]).toEqual([...bytes]);
      }),
    );
  });

  it('refuses text that is not base64url', () => {
    for (const bad of ['ab+c', 'ab/c', 'ab c', 'abcde', 'ab=c', '€'])
      expect(() => base64UrlToBytes(bad), bad).toThrow(PushError);
  });
});

describe('subscribeFailure', () => {
  it('says the browser refused when it did, and that its service was out of reach otherwise', () => {
    const refusals = [
      new DOMException('Registration failed - permission denied', 'AbortError'),
      new DOMException('Permission denied', 'NotAllowedError'),
    ];
    for (const e of refusals) expect(subscribeFailure(e).message).toBe(copy.push.notAllowed);
    const outOfReach = [
      new DOMException('Registration failed - push service error', 'AbortError'),
      new DOMException('Registration failed - push service not available', 'AbortError'),
      new Error('timed out'),
      'anything else',
    ];
    for (const e of outOfReach) expect(subscribeFailure(e).message).toBe(copy.push.unreachable);
  });
});

/** A browser with push, whose notice service answers `subscribe` as the test says. */
function fakeBrowser(subscribe: () => Promise<unknown>, existingKey?: Uint8Array) {
  const existing = existingKey
    ? {
        options: { applicationServerKey: existingKey.buffer },
        unsubscribe: vi.fn(async () => true),
      }
    : null;
  const pushManager = {
    getSubscription: vi.fn(async () => existing),
    subscribe: vi.fn(subscribe),
  };
  const registration = { pushManager };
  const serviceWorker = {
    register: vi.fn(async () => registration),
    getRegistration: vi.fn(async () => registration),
    ready: Promise.resolve(registration),
  };
  const requests: Array<{ method: string; url: string; body?: string }> = [];
  vi.stubGlobal('navigator', { serviceWorker });
  vi.stubGlobal('PushManager', function PushManager() {});
  vi.stubGlobal('Notification', { permission: 'granted', requestPermission: vi.fn() });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ method: String(init.method), url, body: init.body as string | undefined });
      return Response.json({ ok: true });
    }),
  );
  return { serviceWorker, pushManager, existing, requests };
}

describe('turnOnPush and turnOffPush', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('registers /sw.js, subscribes with the decoded key, and hands the server only the endpoint', async () => {
    const b = fakeBrowser(async () => ({ endpoint: 'https://push.example/abc' }));
    expect(await turnOnPush(KEY)).toBe(true);
    expect(b.serviceWorker.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    expect(b.pushManager.subscribe).toHaveBeenCalledWith({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(KEY),
    });
    expect(b.requests).toEqual([
      {
        method: 'PUT',
        url: '/api/push/subscription',
        body: JSON.stringify({ endpoint: 'https://push.example/abc' }),
      },
    ]);
  });

  it('lets go of a subscription made with another server key before subscribing again', async () => {
    const b = fakeBrowser(
      async () => ({ endpoint: 'https://push.example/new' }),
      new Uint8Array(65),
    );
    await turnOnPush(KEY);
    expect(b.existing?.unsubscribe).toHaveBeenCalled();
  });

  it('asks for permission first, and does nothing more when the person does not allow notices', async () => {
    const b = fakeBrowser(async () => ({ endpoint: 'https://push.example/abc' }));
    const notification = { permission: 'default', requestPermission: vi.fn() };
    notification.requestPermission.mockImplementation(async () => {
      notification.permission = 'denied';
      return 'denied';
    });
    vi.stubGlobal('Notification', notification);
    expect(await turnOnPush(KEY)).toBe(false);
    expect(notification.requestPermission).toHaveBeenCalled();
    expect(b.serviceWorker.register).not.toHaveBeenCalled();
    expect(b.requests).toEqual([]);
  });

  it('stops waiting for a notice service that never answers, and says so plainly', async () => {
    const b = fakeBrowser(() => new Promise(() => undefined));
    await expect(turnOnPush(KEY, 20)).rejects.toThrow(copy.push.unreachable);
    expect(b.requests).toEqual([]);
  });

  it('says why when this browser cannot take notices while Mutual is closed', async () => {
    vi.stubGlobal('navigator', {});
    await expect(turnOnPush(KEY)).rejects.toThrow(copy.push.unsupported);
  });

  it('turning off drops the browser subscription and tells the server', async () => {
    const b = fakeBrowser(async () => null, base64UrlToBytes(KEY));
    await turnOffPush();
    expect(b.existing?.unsubscribe).toHaveBeenCalled();
    expect(b.requests).toEqual([{ method: 'DELETE', url: '/api/push/subscription' }]);
  });
});
