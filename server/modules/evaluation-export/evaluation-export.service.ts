import { randomBytes } from 'node:crypto';
import type {
  TEvaluationExportKey,
  TEvaluationExportKeyCreate,
  TEvaluationExportQuery,
} from '@domain/evaluation-export.schema.ts';
import { evaluationRows } from '@domain/reports/evaluation-export.ts';
import { danishDate } from '@domain/time.ts';
import { findPartnership } from '@server/modules/bias-report/bias-report.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { CSV_MEDIA_TYPE, evaluationCsv, exportFileName, presentKey } from './evaluation-export.presenter.ts';
import {
  areaNames,
  caseHistories,
  evaluationEvents,
  exportPopulation,
  findKey,
  insertKey,
  insertPersonExportEvents,
  listKeys,
  revokeKey,
} from './evaluation-export.repository.ts';

/** 256 bits: the full strength of HMAC-SHA256. */
const SECRET_BYTES = 32;

const KEY_ENTITY = 'evaluation_export_key';

export interface TEvaluationExportFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * The pseudonymised evaluation export (issue 7 item 6), for the secretariat alone: keys to create
 * and revoke, and per partnership and period a CSV of person-level events of the residents with
 * an active consent (c), each under the key's pseudonym. Every export is audit-logged once as a
 * whole and once per person in it, so each person's access report shows it.
 */
export function createEvaluationExportService(deps: TAppDeps) {
  const { db, clock } = deps;

  async function keyOut(id: string): Promise<TEvaluationExportKey> {
    const [row] = await listKeys(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'Nøglen findes ikke.');
    return presentKey(row);
  }

  return {
    async listKeys(ctx: TRequestContext): Promise<TEvaluationExportKey[]> {
      await authorize(db, ctx, 'read', { kind: 'evaluation_export' });
      return (await listKeys(db)).map(presentKey);
    },

    async createKey(ctx: TRequestContext, input: TEvaluationExportKeyCreate): Promise<TEvaluationExportKey> {
      await authorize(db, ctx, 'create', { kind: 'evaluation_export' });
      const actor = requireActor(ctx);
      const id = await db.transaction(async (tx) => {
        const row = await insertKey(tx, {
          label: input.label,
          secret: randomBytes(SECRET_BYTES),
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: KEY_ENTITY,
          entityId: row.id,
          details: { label: input.label },
        });
        return row.id;
      });
      return keyOut(id);
    },

    async revokeKey(ctx: TRequestContext, id: string): Promise<TEvaluationExportKey> {
      await authorize(db, ctx, 'update', { kind: 'evaluation_export' });
      await db.transaction(async (tx) => {
        const existing = await findKey(tx, id);
        if (!existing) throw new AppError('NOT_FOUND', 'Nøglen findes ikke.');
        if (existing.revokedAt) throw new AppError('CONFLICT', 'Nøglen er allerede trukket tilbage.');
        // Waits for an export under the key that is still running (it holds the key FOR SHARE).
        const revoked = await revokeKey(tx, id, clock.now());
        if (!revoked) throw new AppError('CONFLICT', 'Nøglen er allerede trukket tilbage.');
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: KEY_ENTITY,
          entityId: id,
          details: { revoked: true },
        });
      });
      return keyOut(id);
    },

    async export(ctx: TRequestContext, query: TEvaluationExportQuery): Promise<TEvaluationExportFile> {
      await authorize(db, ctx, 'export', { kind: 'evaluation_export' });
      const now = clock.now();
      // Consent (c) counts as it stands today, the day the data leaves Jobbro.
      const today = danishDate(now);
      const { from, to, keyId, partnershipId } = query;

      return db.transaction(async (tx) => {
        const key = await findKey(tx, keyId, true);
        if (!key) throw new AppError('NOT_FOUND', 'Nøglen findes ikke.');
        if (key.revokedAt) {
          throw new AppError(
            'CONFLICT',
            'Nøglen er trukket tilbage og kan ikke bruges til flere udtræk. Opret en ny nøgle.',
          );
        }
        const partnership = await findPartnership(tx, partnershipId);
        if (!partnership) throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');

        const population = await exportPopulation(tx, { partnershipId, today, to });
        const residentIds = population.map((p) => p.id);
        const histories = await caseHistories(tx, residentIds, to);
        const events = await evaluationEvents(tx, { residentIds, from, to, now });
        const rows = evaluationRows({
          people: population.map((p) => ({
            residentId: p.id,
            birthDate: p.birthDate,
            changes: histories.get(p.id) ?? [],
          })),
          events,
          from,
          to,
        });
        const areaIds = [...new Set(rows.map((r) => r.housingAreaId).filter((a): a is string => a !== null))];
        const content = evaluationCsv(rows, key.secret, await areaNames(tx, areaIds));

        // Who is in the file: the people with at least one row (the others' data did not leave).
        const exported = [...new Set(rows.map((r) => r.residentId))];
        await recordAudit(tx, ctx, {
          action: 'export',
          entityType: KEY_ENTITY,
          entityId: key.id,
          details: {
            kind: 'evaluation',
            partnershipId,
            from,
            to,
            persons: exported.length,
            rows: rows.length,
          },
        });
        await insertPersonExportEvents(tx, exported, {
          at: now,
          userId: ctx.actor?.userId ?? null,
          requestId: ctx.requestId,
          ip: ctx.ip,
          keyId: key.id,
        });
        return { fileName: exportFileName(partnership.name, from, to), mediaType: CSV_MEDIA_TYPE, content };
      });
    },
  };
}
