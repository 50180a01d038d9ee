import { EXCLUSION_CODES, exclusionSummaryLabel } from '@domain/matching/hard-filters.ts';
import {
  compareText,
  openingsForResident,
  type TExcluded,
  type TExclusionSummaryLine,
  type TMatch,
} from '@domain/matching/match.ts';
import { ResidentMatchIndex } from '@domain/matching/match-index.ts';
import { pairKey, type TMatchContext, type TMatchOpening } from '@domain/matching/match-inputs.ts';
import type { TMatchSettings } from '@domain/matching/matching-settings.ts';
import { can, scopeIdsOf, type TActor } from '@domain/policy.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import type { TClock } from '@server/platform/clock.ts';
import {
  currentXmin,
  loadAreaNames,
  loadMatchOpenings,
  loadMatchResidents,
  loadMatchSettings,
  MATCHABLE_OPENING_STATUSES,
  proposedOpeningIds,
  proposedResidentIds,
  readIndexChanges,
  recentDeclines,
  type TIndexedOpening,
  type TIndexedResident,
} from './match-data.repository.ts';

// The per-server match index (issue 5 item 6). Built from the database at start-up and kept
// equal to it through the change feed (match_index_changes, written by triggers in the same
// transaction as every change to residents, consents, screenings, proposals and openings).
// Before it answers, the service applies every change committed since its last look, so a consent
// withdrawn through any app server is out of every server's results on the very next request.
// Another server's writes cost one indexed query per request; nothing is shared between servers
// but PostgreSQL.
//
// Who may see whom: the residents are kept in one ResidentMatchIndex per "visibility group" (same
// municipality, registering side and plan, area plan and consent (a)), so a viewer's candidates
// are ranked among exactly the people resident-access.ts lets them see, and the top lists of the
// groups they may see are merged. The groups are few (a handful per municipality).

/**
 * Ranking depends on the day (age, consents, waiting time): a new Copenhagen day rebuilds. So
 * does a pause longer than this, since the hourly purge drops feed rows older than a day.
 */
const REBUILD_AFTER_IDLE_MS = 12 * 60 * 60 * 1000;

export interface TResidentOpeningsResult {
  resident: TIndexedResident;
  openings: TMatch[];
  excluded: TExcluded[];
}

export interface TViewerRanking {
  opening: TIndexedOpening;
  settings: TMatchSettings;
  context: TMatchContext;
  candidates: TMatch[];
  /** Everyone the viewer may see who passed the hard filters. */
  candidateCount: number;
  excludedCount: number;
  summary: TExclusionSummaryLine[];
}

interface TGroup {
  municipalityId: string;
  side: 'housing' | 'jobcenter';
  registeredByPlanId: string | null;
  areaPlanId: string | null;
  sharing: boolean;
  index: ResidentMatchIndex;
}

export class MatchIndexService {
  private groups = new Map<string, TGroup>();
  private groupOf = new Map<string, string>();
  private residents = new Map<string, TIndexedResident>();
  private openings = new Map<string, TIndexedOpening>();
  private builtDay: string | null = null;
  /** When the feed was last read: after a long pause its rows may be purged, so rebuild. */
  private lastReadAt = 0;
  private fromTxid = 0;
  /** Feed rows applied whose transaction may still be at or above the snapshot xmin. */
  private applied = new Set<number>();
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: TDbOrTx,
    private readonly clock: TClock,
  ) {}

  today(): string {
    return danishDate(this.clock.now());
  }

  /** Brings the index up to date with everything committed; call before every answer. */
  async refresh(): Promise<void> {
    // One refresh at a time per server; concurrent requests wait for the same one.
    while (this.refreshing !== null) await this.refreshing;
    this.refreshing = this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.builtDay !== this.today() || now - this.lastReadAt > REBUILD_AFTER_IDLE_MS) {
      await this.rebuild();
      return;
    }
    this.lastReadAt = now;
    const { xmin, changes } = await readIndexChanges(this.db, this.fromTxid);
    const fresh = changes.filter((c) => !this.applied.has(c.id));
    const residentIds = [...new Set(fresh.filter((c) => c.kind === 'resident').map((c) => c.refId))];
    const openingIds = [...new Set(fresh.filter((c) => c.kind === 'opening').map((c) => c.refId))];
    if (residentIds.length) await this.reloadResidents(residentIds);
    if (openingIds.length) await this.reloadOpenings(openingIds);
    // Rows of transactions below the new xmin can never be seen again; forget them.
    this.applied = new Set(changes.map((c) => c.id));
    this.fromTxid = xmin;
  }

  /** Reads everything again (start-up, a new day, or a long pause). */
  async rebuild(): Promise<void> {
    const xmin = await currentXmin(this.db);
    const today = this.today();
    const [residents, openings] = await Promise.all([
      loadMatchResidents(this.db, today),
      loadMatchOpenings(this.db),
    ]);
    this.groups = new Map();
    this.groupOf = new Map();
    this.residents = new Map();
    for (const r of residents) this.put(r);
    this.openings = new Map(openings.map((o) => [o.match.id, o]));
    this.builtDay = today;
    this.lastReadAt = this.clock.now().getTime();
    this.fromTxid = xmin;
    this.applied = new Set();
  }

  private put(r: TIndexedResident) {
    const key = [
      r.match.municipalityId,
      r.registeredBySide,
      r.registeredByPlanId ?? '',
      r.areaPlanId ?? '',
      r.sharing ? 1 : 0,
    ].join('|');
    const previous = this.groupOf.get(r.match.id);
    if (previous !== undefined && previous !== key) this.groups.get(previous)?.index.remove(r.match.id);
    let group = this.groups.get(key);
    if (!group) {
      group = {
        municipalityId: r.match.municipalityId,
        side: r.registeredBySide,
        registeredByPlanId: r.registeredByPlanId,
        areaPlanId: r.areaPlanId,
        sharing: r.sharing,
        index: new ResidentMatchIndex(),
      };
      this.groups.set(key, group);
    }
    group.index.upsert(r.match);
    this.groupOf.set(r.match.id, key);
    this.residents.set(r.match.id, r);
  }

  private drop(id: string) {
    const key = this.groupOf.get(id);
    if (key !== undefined) this.groups.get(key)?.index.remove(id);
    this.groupOf.delete(id);
    this.residents.delete(id);
  }

  private async reloadResidents(ids: readonly string[]) {
    const rows = await loadMatchResidents(this.db, this.today(), ids);
    const found = new Set(rows.map((r) => r.match.id));
    for (const id of ids) if (!found.has(id)) this.drop(id);
    for (const r of rows) this.put(r);
  }

  private async reloadOpenings(ids: readonly string[]) {
    const rows = await loadMatchOpenings(this.db, ids);
    const found = new Set(rows.map((o) => o.match.id));
    for (const id of ids) if (!found.has(id)) this.openings.delete(id);
    for (const o of rows) this.openings.set(o.match.id, o);
  }

  /** The groups whose people the viewer sees professionally (resident-access.ts, as data). */
  private visibleGroups(actor: TActor): TGroup[] {
    const plans = actor.memberships
      .filter((m) => m.role === 'social_worker' && m.scopeId)
      .map((m) => m.scopeId as string);
    const { consultantMunicipalityIds } = scopeIdsOf(actor);
    return [...this.groups.values()].filter((g) => {
      for (const plan of plans) {
        if (g.side === 'housing' && (g.registeredByPlanId === plan || g.areaPlanId === plan)) return true;
        if (g.side === 'jobcenter' && g.areaPlanId === plan && g.sharing) return true;
      }
      return consultantMunicipalityIds.some(
        (m) => g.municipalityId === m && (g.side === 'jobcenter' || g.sharing),
      );
    });
  }

  /** May the viewer see this resident professionally (the same rule as the groups)? */
  canSee(actor: TActor, residentId: string): boolean {
    const key = this.groupOf.get(residentId);
    const group = key === undefined ? undefined : this.groups.get(key);
    return group !== undefined && this.visibleGroups(actor).includes(group);
  }

  // ---- Reads (after refresh()) ----

  residentCount(): number {
    return this.residents.size;
  }

  openingCount(): number {
    return this.openings.size;
  }

  opening(id: string): TIndexedOpening | undefined {
    return this.openings.get(id);
  }

  resident(id: string): TIndexedResident | undefined {
    return this.residents.get(id);
  }

  /** The partnership's openings that still look for people. */
  openOpenings(partnershipId: string): TIndexedOpening[] {
    return [...this.openings.values()].filter(
      (o) => o.partnershipId === partnershipId && MATCHABLE_OPENING_STATUSES.includes(o.status),
    );
  }

  /** Every resident the viewer may see professionally. */
  visibleResidents(actor: TActor): TIndexedResident[] {
    return this.visibleGroups(actor).flatMap((g) => g.index.all().map((r) => this.residents.get(r.id)!));
  }

  /**
   * The context of matching one opening: its partnership's settings (or `override`, for the
   * weights preview), proposals and declines.
   */
  async contextForOpening(opening: TIndexedOpening, override?: TMatchSettings): Promise<TMatchContext> {
    const settings = override ?? (await loadMatchSettings(this.db, opening.partnershipId));
    const today = this.today();
    const [proposed, declines, areaNames] = await Promise.all([
      proposedResidentIds(this.db, opening.match.id),
      recentDeclines(this.db, today, settings.declineQuarantineMonths, {
        companyId: opening.match.companyId,
      }),
      loadAreaNames(this.db),
    ]);
    return {
      today,
      settings,
      proposedPairs: new Set(proposed.map((r) => pairKey(r, opening.match.id))),
      proposedResidentIds: new Set(proposed),
      declines,
      areaNames,
    };
  }

  /**
   * The viewer's best candidates for the opening: ranked in each group they may see, the top
   * lists merged in the core's own order (score, then the longer wait, then the id).
   */
  rankForViewer(
    actor: TActor,
    opening: TMatchOpening,
    context: TMatchContext,
    limit = 50,
  ): Omit<TViewerRanking, 'opening' | 'settings' | 'context'> {
    return this.rankGroups(this.visibleGroups(actor), opening, context, limit);
  }

  /**
   * The best candidates among every resident of one municipality (all its groups): for the
   * secretariat's weights preview, which shows rank moves only, never a person.
   */
  rankInMunicipality(
    municipalityId: string,
    opening: TMatchOpening,
    context: TMatchContext,
    limit = 50,
  ): Omit<TViewerRanking, 'opening' | 'settings' | 'context'> {
    const groups = [...this.groups.values()].filter((g) => g.municipalityId === municipalityId);
    return this.rankGroups(groups, opening, context, limit);
  }

  private rankGroups(
    groups: readonly TGroup[],
    opening: TMatchOpening,
    context: TMatchContext,
    limit: number,
  ): Omit<TViewerRanking, 'opening' | 'settings' | 'context'> {
    const merged: TMatch[] = [];
    let candidateCount = 0;
    let excludedCount = 0;
    const lines = new Map<string, TExclusionSummaryLine>();
    for (const group of groups) {
      const ranked = group.index.rank(opening, context, limit);
      merged.push(...ranked.candidates);
      candidateCount += ranked.candidateCount;
      excludedCount += ranked.excludedCount;
      for (const line of ranked.summary) {
        const key = `${line.code}:${line.param ?? ''}`;
        const sum = lines.get(key) ?? { ...line, count: 0 };
        sum.count += line.count;
        lines.set(key, sum);
      }
    }
    const waiting = (m: TMatch) => this.residents.get(m.residentId)?.match.waitingSince ?? '';
    merged.sort(
      (a, b) =>
        b.score - a.score || compareText(waiting(a), waiting(b)) || compareText(a.residentId, b.residentId),
    );
    const summary = [...lines.values()]
      .map((l) => ({ ...l, label: exclusionSummaryLabel(l.code, l.param, l.count) }))
      .sort(
        (a, b) =>
          EXCLUSION_CODES.indexOf(a.code) - EXCLUSION_CODES.indexOf(b.code) ||
          b.count - a.count ||
          compareText(String(a.param ?? ''), String(b.param ?? '')),
      );
    return { candidates: merged.slice(0, limit), candidateCount, excludedCount, summary };
  }

  /** Refresh, then rank the opening's candidates among the people the viewer may see. */
  async candidatesFor(actor: TActor, openingId: string, limit = 50): Promise<TViewerRanking | null> {
    await this.refresh();
    const opening = this.openings.get(openingId);
    if (!opening) return null;
    const context = await this.contextForOpening(opening);
    return {
      opening,
      settings: context.settings,
      context,
      ...this.rankForViewer(actor, opening.match, context, limit),
    };
  }

  /**
   * Refresh, then the open openings the resident fits, best first, and the ones they do not fit
   * with the reasons. Only openings the actor may read are considered; each partnership's own
   * settings and the person's proposals and recent declines apply.
   */
  async openingsForResident(actor: TActor, residentId: string): Promise<TResidentOpeningsResult | null> {
    await this.refresh();
    const resident = this.residents.get(residentId);
    if (!resident) return null;
    const open = [...this.openings.values()].filter(
      (o) =>
        MATCHABLE_OPENING_STATUSES.includes(o.status) &&
        can(actor, 'read', {
          kind: 'opening',
          id: o.match.id,
          partnershipId: o.partnershipId,
          municipalityId: o.match.municipalityId,
          companyId: o.match.companyId,
          housingOrganisationId: null,
        }),
    );
    const today = this.today();
    const byPartnership = new Map<string, TIndexedOpening[]>();
    for (const o of open)
      byPartnership.set(o.partnershipId, [...(byPartnership.get(o.partnershipId) ?? []), o]);
    const [proposed, areaNames] = await Promise.all([
      proposedOpeningIds(this.db, residentId),
      loadAreaNames(this.db),
    ]);
    const proposedPairs = new Set(proposed.map((o) => pairKey(residentId, o)));
    const matches: TMatch[] = [];
    const excluded: TExcluded[] = [];
    for (const [partnershipId, openings] of byPartnership) {
      const settings = await loadMatchSettings(this.db, partnershipId);
      const declines = await recentDeclines(this.db, today, settings.declineQuarantineMonths, { residentId });
      const result = openingsForResident(
        resident.match,
        openings.map((o) => o.match),
        { today, settings, proposedPairs, declines, areaNames },
      );
      matches.push(...result.openings);
      excluded.push(...result.excluded);
    }
    const start = (m: TMatch) => this.openings.get(m.openingId)?.match.startDate ?? '';
    matches.sort(
      (a, b) => b.score - a.score || compareText(start(a), start(b)) || compareText(a.openingId, b.openingId),
    );
    excluded.sort((a, b) => compareText(a.openingId, b.openingId));
    return { resident, openings: matches, excluded };
  }

  /** For tests: the index's view of every resident, to compare with a fresh rebuild. */
  snapshot(): {
    residents: TIndexedResident[];
    groups: Record<string, string[]>;
    openings: TIndexedOpening[];
  } {
    const groups: Record<string, string[]> = {};
    for (const [key, g] of this.groups) {
      const ids = g.index
        .all()
        .map((r) => r.id)
        .sort();
      if (ids.length) groups[key] = ids;
    }
    return {
      residents: [...this.residents.values()].sort((a, b) => compareText(a.match.id, b.match.id)),
      groups,
      openings: [...this.openings.values()].sort((a, b) => compareText(a.match.id, b.match.id)),
    };
  }
}
