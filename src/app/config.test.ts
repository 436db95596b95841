import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'sqlite:./data/mutual.db',
      redisUrl: undefined,
      sessionMaxDays: 30,
      wsHeartbeatSeconds: 25,
      helperThreadNice: 19,
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be sqlite/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must start with redis:\/\//],
    ['TRUST_PROXY', 'maybe', /TRUST_PROXY must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['ARGON2_MEMORY_KIB', '1024', /ARGON2_MEMORY_KIB must be a whole number from 19456/],
    ['PUBLIC_URL', 'mutual.example.org', /PUBLIC_URL must be an http/],
    ['WS_HEARTBEAT_SECONDS', '0', /WS_HEARTBEAT_SECONDS must be a whole number from 1 to 600/],
    ['PUSH_SERVICES', 'fcm.googleapis.com', /PUSH_SERVICES must be none or a comma-separated list/],
    ['PUSH_SERVICES', 'https://a.example/path', /got "https:\/\/a.example\/path"/],
    ['PUSH_CONTACT', 'admin@example.org', /PUSH_CONTACT must be a mailto: or https:/],
    ['HELPER_THREAD_NICE', '20', /HELPER_THREAD_NICE must be a whole number from 0 to 19/],
    ['HELPER_THREAD_NICE', '-5', /HELPER_THREAD_NICE must be a whole number from 0 to 19/],
    ['PUSH_DELAY_SECONDS', '-1', /PUSH_DELAY_SECONDS must be a whole number from 0/],
  ])('stops with a message naming %s when it is %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('sends pushes through the browsers’ push services unless told otherwise', () => {
    expect(loadConfig({}).pushServices).toContain('https://fcm.googleapis.com');
    expect(loadConfig({ PUSH_SERVICES: 'none' }).pushServices).toEqual([]);
    expect(
      loadConfig({ PUSH_SERVICES: 'https://*.push.apple.com, http://127.0.0.1:9' }).pushServices,
    ).toEqual(['https://*.push.apple.com', 'http://127.0.0.1:9']);
    expect(loadConfig({}).pushContact).toBe('mailto:admin@localhost');
    expect(loadConfig({ PUBLIC_URL: 'https://mutual.example.org' }).pushContact).toBe(
      'https://mutual.example.org',
    );
    expect(loadConfig({}).pushDelaySeconds).toBe(60);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', SESSION_MAX_DAYS: '0' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/SESSION_MAX_DAYS/);
    }
  });

  it('splits ALLOWED_ORIGINS and trims PUBLIC_URL', () => {
    const c = loadConfig({
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      PUBLIC_URL: 'https://m.example/',
    });
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.publicUrl).toBe('https://m.example');
  });
});
