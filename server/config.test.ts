import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database, demo on, port 3000, and keeps a generated secret', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-config-'));
    const c = loadConfig({ JOBBRO_DATA_DIR: dir });
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      demo: true,
      secureCookies: false,
      sessionIdleMs: 30 * 60_000,
    });
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(c.sessionSecret);
    expect(loadConfig({ JOBBRO_DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
  });

  it('turns demo off with an external database and requires a session secret there', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/jobbro' })).toThrow(/SESSION_SECRET/);
    const c = loadConfig({
      DATABASE_URL: 'postgres://db/jobbro',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://jobbro.viborg.dk',
    });
    expect(c.demo).toBe(false);
    expect(c.secureCookies).toBe(true);
  });

  it('stops with one line naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      /^Invalid configuration: PORT must be a port number \(got "abc"\)$/,
    );
    expect(() => loadConfig({ JOBBRO_DEMO: 'maybe', JOBBRO_DATA_DIR: os.tmpdir() })).toThrow(/JOBBRO_DEMO/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail', JOBBRO_DATA_DIR: os.tmpdir() })).toThrow(/SMTP_URL/);
  });
});
