import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, toApiError } from './errors.ts';

describe('toApiError', () => {
  it('reads code, message and fields from the error body', () => {
    const e = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Nogle felter …',
        fields: { name: 'Skal udfyldes.', x: 3 },
      },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.serverMessage).toBe('Nogle felter …');
    expect(e.fields).toEqual({ name: 'Skal udfyldes.' });
  });
  it('falls back to a code from the status for a body that is not ours', () => {
    expect(toApiError(429, 'Too Many Requests').code).toBe('RATE_LIMITED');
    expect(toApiError(502, null).code).toBe('INTERNAL');
    expect(toApiError(401, { error: { code: 'NOPE' } }).code).toBe('UNAUTHENTICATED');
    expect(toApiError(409, { error: { code: 'IN_USE' } }).code).toBe('IN_USE');
  });
});

describe('errorMessage', () => {
  const wrong = toApiError(401, {
    error: { code: 'INVALID_CREDENTIALS', message: 'Forkert e-mail eller adgangskode.' },
  });
  it('shows the server message in Danish', () => {
    expect(errorMessage(wrong, 'da')).toBe('Forkert e-mail eller adgangskode.');
  });
  it("shows the code's message when the server sent none", () => {
    expect(errorMessage(toApiError(429, {}), 'da')).toBe(
      'For mange loginforsøg. Vent et øjeblik, og prøv igen.',
    );
  });
  it('shows the English message for the code in English', () => {
    expect(errorMessage(wrong, 'en')).toBe('Wrong e-mail or password.');
  });
  it('says the service is unavailable when fetch fails', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), 'da')).toBe(
      'Tjenesten er midlertidigt utilgængelig.',
    );
  });
  it('never shows a raw exception', () => {
    expect(errorMessage(new Error('stack trace here'), 'en')).toBe(
      'An unexpected error occurred. Please try again later.',
    );
  });
});
