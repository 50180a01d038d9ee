import { exclusionSummaryLabel } from '@domain/matching/hard-filters.ts';
import type { TExclusionSummaryLine, TMatch } from '@domain/matching/match.ts';
import type {
  TCandidate,
  TMatchingWeights,
  TOpeningCandidates,
  TResidentOpenings,
  TWeightsPreview,
  TWeightsUpdate,
} from '@domain/matching/matching.schema.ts';
import {
  DEFAULT_MATCH_SETTINGS,
  SCORE_COMPONENT_LABEL_DA,
  type TMatchSettings,
} from '@domain/matching/matching-settings.ts';
import { can } from '@domain/policy.ts';
import { findOpening } from '@server/modules/openings/openings.repository.ts';
import { residentGate } from '@server/modules/residents/residents.policy.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { loadMatchSettings, MATCHABLE_OPENING_STATUSES } from './match-data.repository.ts';
import { presentComponents, presentScore } from './matching.presenter.ts';
import {
  findPartnership,
  proposalsForOpening,
  residentNames,
  settingsStamp,
  upsertSettings,
} from './matching.repository.ts';

/** How many open openings, and how deep a top list, the weights preview compares. */
const PREVIEW_OPENINGS = 5;
const PREVIEW_TOP = 10;
/** How far down the preview looks for someone's other rank before it says "outside". */
const PREVIEW_DEPTH = 200;

/**
 * The matching API (issue 5): an opening's ranked candidates and a resident's fitting openings
 * for the partnership's job consultants and social workers (casework, every read audit-logged
 * with the people it showed), and the partnership's weights, which the secretariat sets and
 * previews without seeing a single person.
 */
export function createMatchingService(deps: TAppDeps) {
  const { db, clock, matchIndex } = deps;
  const gate = residentGate(deps);

  async function partnershipOrThrow(id: string) {
    const p = await findPartnership(db, id);
    if (!p) throw new AppError('NOT_FOUND');
    return p;
  }

  /** The partnership's weights and limits, the defaults and who saved them last. */
  async function weights(ctx: TRequestContext, partnershipId: string): Promise<TMatchingWeights> {
    const p = await partnershipOrThrow(partnershipId);
    await authorize(db, ctx, 'read', {
      kind: 'matching_settings',
      partnershipId: p.id,
      municipalityId: p.municipalityId,
    });
    const [settings, stamp] = await Promise.all([
      loadMatchSettings(db, partnershipId),
      settingsStamp(db, partnershipId),
    ]);
    return {
      partnershipId,
      settings,
      defaults: DEFAULT_MATCH_SETTINGS,
      labels: SCORE_COMPONENT_LABEL_DA,
      updatedAt: stamp?.updatedAt.toISOString() ?? null,
      updatedByName: stamp?.updatedByName ?? null,
    };
  }

  return {
    /** The best candidates the viewer may see, each explained, and who is left out and why. */
    async candidates(
      ctx: TRequestContext,
      openingId: string,
      query: { limit: number; includeProposed: boolean },
    ): Promise<TOpeningCandidates> {
      const actor = requireActor(ctx);
      const row = await findOpening(db, openingId);
      const scoped =
        row !== undefined &&
        can(actor, 'read', {
          kind: 'candidates',
          partnershipId: row.row.partnershipId,
          municipalityId: row.municipalityId,
        });
      if (!row || !scoped) {
        // Like a resident outside one's scope: the opening does not exist for this viewer.
        await recordAudit(db, ctx, {
          action: 'denied',
          entityType: 'opening',
          entityId: openingId,
          details: { action: 'candidates', reason: row ? 'no_access' : 'not_found' },
        });
        throw new AppError('NOT_FOUND');
      }
      const ranking = await matchIndex.candidatesFor(actor, openingId, query.limit);
      if (!ranking) throw new AppError('NOT_FOUND');
      const proposals = query.includeProposed
        ? (await proposalsForOpening(db, openingId)).filter((p) => matchIndex.canSee(actor, p.residentId))
        : [];
      const names = await residentNames(db, [
        ...ranking.candidates.map((c) => c.residentId),
        ...proposals.map((p) => p.residentId),
      ]);
      const candidates: TCandidate[] = [];
      for (const m of ranking.candidates) {
        const name = names.get(m.residentId);
        if (!name) continue;
        candidates.push({
          residentId: m.residentId,
          firstName: name.firstName,
          lastName: name.lastName,
          housingAreaName: name.housingAreaName,
          score: presentScore(m.score),
          components: presentComponents(m),
          reasons: m.reasons,
          activeProposals: matchIndex.resident(m.residentId)?.match.activeProposals ?? 0,
        });
      }
      const proposed = proposals.flatMap((p) => {
        const name = names.get(p.residentId);
        return name
          ? [
              {
                proposalId: p.id,
                residentId: p.residentId,
                firstName: name.firstName,
                lastName: name.lastName,
                status: p.status,
                proposedAt: p.proposedAt.toISOString(),
                score: presentScore(p.score),
              },
            ]
          : [];
      });
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'resident',
        details: {
          purpose: 'matching',
          openingId,
          residentIds: [...candidates.map((c) => c.residentId), ...proposed.map((p) => p.residentId)],
        },
      });
      const o = ranking.opening;
      return {
        opening: {
          id: o.match.id,
          title: o.title,
          companyName: o.companyName,
          type: o.match.type,
          status: o.status,
          matchable: MATCHABLE_OPENING_STATUSES.includes(o.status),
          activeProposals: o.match.activeProposals,
          maxActiveProposals: ranking.settings.maxActiveProposalsPerOpening,
        },
        weights: ranking.settings.weights,
        candidates,
        candidateCount: ranking.candidateCount,
        excludedCount: ranking.excludedCount,
        exclusionSummary: mergeSummary(ranking.summary),
        proposed,
      };
    },

    /** The open openings the person fits (best first) and those they do not, with the reasons. */
    async openingsForResident(ctx: TRequestContext, residentId: string): Promise<TResidentOpenings> {
      const actor = requireActor(ctx);
      const seen = await gate.seeAsProfessional(ctx, residentId, 'matching');
      const result = await matchIndex.openingsForResident(actor, residentId);
      if (!result) throw new AppError('NOT_FOUND');
      const ref = (openingId: string) => {
        const o = matchIndex.opening(openingId)!;
        return {
          openingId,
          title: o.title,
          companyName: o.companyName,
          type: o.match.type,
          startDate: o.match.startDate,
          hoursPerWeek: o.match.hoursPerWeek,
        };
      };
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident',
        entityId: residentId,
        details: {
          purpose: 'matching',
          basis: seen.access.basis,
          openings: result.openings.length,
          excluded: result.excluded.length,
        },
      });
      return {
        resident: {
          id: residentId,
          firstName: seen.resident.row.firstName,
          lastName: seen.resident.row.lastName,
        },
        openings: result.openings.map((m: TMatch) => ({
          ...ref(m.openingId),
          score: presentScore(m.score),
          components: presentComponents(m),
          reasons: m.reasons,
        })),
        excluded: result.excluded.map((e) => ({
          ...ref(e.openingId),
          exclusions: e.exclusions.map((x) => ({ code: x.code, message: x.message })),
        })),
      };
    },

    weights,

    /** Saves the weights and limits (the secretariat); the next ranking uses them. */
    async saveWeights(ctx: TRequestContext, body: TWeightsUpdate): Promise<TMatchingWeights> {
      const actor = requireActor(ctx);
      const p = await partnershipOrThrow(body.partnershipId);
      await authorize(db, ctx, 'update', {
        kind: 'matching_settings',
        partnershipId: p.id,
        municipalityId: p.municipalityId,
      });
      const before = await loadMatchSettings(db, p.id);
      await db.transaction(async (tx) => {
        await upsertSettings(tx, p.id, body.settings, actor.userId, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'matching_settings',
          entityId: p.id,
          details: { from: before, to: body.settings },
        });
      });
      return weights(ctx, p.id);
    },

    /**
     * How the top 10 of up to five open openings would move under other settings, as
     * pseudonymous rows: the secretariat sees the effect of a weight, never who it moves.
     */
    async preview(
      ctx: TRequestContext,
      body: { partnershipId: string; settings: TMatchSettings },
    ): Promise<TWeightsPreview> {
      const p = await partnershipOrThrow(body.partnershipId);
      await authorize(db, ctx, 'update', {
        kind: 'matching_settings',
        partnershipId: p.id,
        municipalityId: p.municipalityId,
      });
      await matchIndex.refresh();
      const openings = matchIndex
        .openOpenings(p.id)
        .sort(
          (a, b) =>
            (a.match.startDate < b.match.startDate ? -1 : a.match.startDate > b.match.startDate ? 1 : 0) ||
            (a.match.id < b.match.id ? -1 : 1),
        )
        .slice(0, PREVIEW_OPENINGS);
      const out: TWeightsPreview['openings'] = [];
      for (const o of openings) {
        const [oldContext, newContext] = await Promise.all([
          matchIndex.contextForOpening(o),
          matchIndex.contextForOpening(o, body.settings),
        ]);
        const before = matchIndex.rankInMunicipality(p.municipalityId, o.match, oldContext, PREVIEW_DEPTH);
        const after = matchIndex.rankInMunicipality(p.municipalityId, o.match, newContext, PREVIEW_DEPTH);
        out.push({
          openingId: o.match.id,
          title: o.title,
          companyName: o.companyName,
          candidateCount: after.candidateCount,
          ...previewRows(before.candidates, after.candidates),
        });
      }
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'matching_settings',
        entityId: p.id,
        details: { preview: true, openings: out.length },
      });
      return { openings: out };
    },
  };
}

/**
 * The exclusion summary as the user reads it: lines that say the same thing ("6 ikke aktive" for
 * paused, "1 ikke aktive" for moved) are one line with the counts added.
 */
export function mergeSummary(
  lines: readonly TExclusionSummaryLine[],
): TOpeningCandidates['exclusionSummary'] {
  const merged = new Map<
    string,
    { code: TExclusionSummaryLine['code']; param: TExclusionSummaryLine['param']; count: number }
  >();
  for (const l of lines) {
    const key = `${l.code}:${exclusionSummaryLabel(l.code, l.param, 0)}`;
    const line = merged.get(key) ?? { code: l.code, param: l.param, count: 0 };
    line.count += l.count;
    merged.set(key, line);
  }
  return [...merged.values()].map((l) => ({
    code: l.code,
    count: l.count,
    label: exclusionSummaryLabel(l.code, l.param, l.count),
  }));
}

/** The rank moves of the two top lists, numbered by the current rank; no ids leave here. */
export function previewRows(
  before: readonly TMatch[],
  after: readonly TMatch[],
): Pick<TWeightsPreview['openings'][number], 'rows' | 'changedCount'> {
  const oldTop = before.slice(0, PREVIEW_TOP).map((m) => m.residentId);
  const newTop = after.slice(0, PREVIEW_TOP).map((m) => m.residentId);
  const ids = [...oldTop, ...newTop.filter((id) => !oldTop.includes(id))];
  const at = (list: readonly TMatch[], id: string) => {
    const i = list.findIndex((m) => m.residentId === id);
    return i < 0 ? { rank: null, score: null } : { rank: i + 1, score: presentScore(list[i]!.score) };
  };
  const rows = ids.map((id, i) => {
    const o = at(before, id);
    const n = at(after, id);
    return {
      label: `Kandidat ${i + 1}`,
      oldRank: o.rank,
      newRank: n.rank,
      oldScore: o.score,
      newScore: n.score,
    };
  });
  let changedCount = 0;
  for (let i = 0; i < PREVIEW_TOP; i++) if (oldTop[i] !== newTop[i]) changedCount += 1;
  return { rows, changedCount };
}
