import { z } from 'zod';

// The test clock (JOBBRO_TEST_CLOCK, demo mode only): an admin moves Jobbro's "now" forward, so
// an end-to-end test or a demo reaches the 6- and 12-month follow-ups without waiting.

export const ZDemoClockAdvance = z.object({
  days: z
    .number({ error: 'Skriv et antal dage.' })
    .int({ error: 'Hele dage.' })
    .min(1, { error: 'Mindst 1 dag.' })
    .max(800, { error: 'Højst 800 dage.' }),
});

export const ZDemoClock = z.object({
  /** Jobbro's now, as an ISO instant. */
  now: z.string(),
  /** How far ahead of the real time, in whole days. */
  offsetDays: z.number().int(),
});
export type TDemoClock = z.infer<typeof ZDemoClock>;
