import { describe, expect, it } from 'vitest';
import { requestLogSerializers, urlWithoutQueryValues } from './log-serializers.ts';

describe('request log lines', () => {
  it('keep the path and the parameter names, never the values', () => {
    expect(urlWithoutQueryValues('/api/residents?q=Fatima%20Hansen&page=2')).toBe(
      '/api/residents?q=…&page=…',
    );
    expect(urlWithoutQueryValues('/api/audit-events?searched=Ib')).toBe('/api/audit-events?searched=…');
    expect(urlWithoutQueryValues('/api/residents/3f1c')).toBe('/api/residents/3f1c');
    expect(urlWithoutQueryValues('/api/x?')).toBe('/api/x?');
  });

  it('serialise a request without its query values', () => {
    const line = requestLogSerializers.req({
      method: 'GET',
      url: '/api/residents?q=Åse',
      hostname: 'jobbro',
      ip: '10.0.0.1',
    });
    expect(line).toEqual({
      method: 'GET',
      url: '/api/residents?q=…',
      host: 'jobbro',
      remoteAddress: '10.0.0.1',
    });
    expect(JSON.stringify(line)).not.toContain('Åse');
  });
});
