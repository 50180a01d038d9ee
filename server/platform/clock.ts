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

/**
 * The real time plus an offset an admin may move forward (JOBBRO_TEST_CLOCK, demo mode only): an
 * end-to-end test jumps to the 6-month follow-up without waiting. Never backwards, so nothing
 * written "now" ends up in the future.
 */
export class OffsetClock implements TClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('The clock only moves forward.');
    this.offsetMs += ms;
  }
  get offset(): number {
    return this.offsetMs;
  }
}
