import { z } from 'zod';
import { ZIsoDate, ZRequiredText, ZUuid } from './common.schema.ts';

// The pseudonymised evaluation export (issue 7 item 6): the secretariat's keys and the query of
// one export. What the file holds, and why, is domain/reports/evaluation-export.ts.

/** A key as it is listed: never its secret. */
export const ZEvaluationExportKey = z.object({
  id: ZUuid,
  /** What the key is for, e.g. "Evaluator 2026-2028 (Rambøll)". */
  label: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Set once the key is revoked: nothing can be exported with it any more. */
  revokedAt: z.string().nullable(),
});
export type TEvaluationExportKey = z.infer<typeof ZEvaluationExportKey>;

export const ZEvaluationExportKeyCreate = z.object({ label: ZRequiredText(100) });
export type TEvaluationExportKeyCreate = z.infer<typeof ZEvaluationExportKeyCreate>;

/** One partnership, one period (Copenhagen days, both included), under one key. */
export const ZEvaluationExportQuery = z
  .object({
    keyId: z.uuid({ error: 'Vælg en nøgle.' }),
    partnershipId: z.uuid({ error: 'Vælg et partnerskab.' }),
    from: ZIsoDate,
    to: ZIsoDate,
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Slutdatoen skal ligge på eller efter startdatoen.',
      });
    }
  });
export type TEvaluationExportQuery = z.infer<typeof ZEvaluationExportQuery>;
