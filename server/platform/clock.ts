/** Time is injected everywhere (STYLE.md 10), so expiry and follow-ups are testable. */
export interface TClock {
  now(): Date;
}

export const systemClock: TClock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements TClock {
  private current: Date;
  constructor(start: Date | string = '2026-11-24T09:00:00Z') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
