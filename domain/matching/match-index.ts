import { findOccupation } from '../occupations.ts';
import { addMonths } from '../time.ts';
import {
  acceptsPeopleInJob,
  EXCLUSION_CODES,
  exclusionSummaryLabel,
  exclusionsFor,
  holdsLicence,
  openingAgeLimits,
  openingMinHours,
  type TExclusionCode,
  youthRuleViolations,
} from './hard-filters.ts';
import { compareText, scorePair, type TExclusionSummaryLine, type TMatch } from './match.ts';
import type { TMatchContext, TMatchOpening, TMatchResident } from './match-inputs.ts';
import { SCORE_COMPONENTS } from './matching-settings.ts';
import { interestRankFactor, iscoFit, occupationScore, readinessNeed } from './score-components.ts';

// An in-memory index of the residents for ranking one opening fast (issue 5 item 6): the fields
// the filters and scores read, as typed arrays, scanned in one pass with a bounded top list. The
// scan computes exactly the numbers of the reference functions (hard-filters.ts,
// score-components.ts, match.ts) in the same order, so the ranks are identical; the Danish
// explanations are then made by the reference code for the top candidates only. Minors go
// through the reference filters too: the youth-work rules are many and they are few.

const STATUSES = ['active', 'paused', 'in_job', 'in_education', 'moved', 'closed'] as const;
const LICENCES = ['B', 'BE', 'C1', 'C', 'CE', 'D'] as const;
/** resident.schema.ts allows five wishes; anyone with more is scored by the reference code. */
const MAX_WISHES = 5;
const DAY_MS = 86_400_000;

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

function licenceMask(held: readonly string[]): number {
  let mask = 0;
  LICENCES.forEach((l, i) => {
    if (holdsLicence(held, l)) mask |= 1 << i;
  });
  return mask;
}

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('da')
    .trim();

export interface TIndexedRanking {
  /** The best candidates, explained (reference scorePair), best first. */
  candidates: TMatch[];
  /** The scan's own scores of the candidates: equal to candidates[i].score (the tests hold it to that). */
  scanScores: number[];
  /** Everyone who passed the hard filters. */
  candidateCount: number;
  excludedCount: number;
  summary: TExclusionSummaryLine[];
}

export class ResidentMatchIndex {
  private capacity = 0;
  private ids: string[] = [];
  private residents: (TMatchResident | null)[] = [];
  private slotOf = new Map<string, number>();
  private freeSlots: number[] = [];
  private skillIds = new Map<string, number>();
  private municipalityIds = new Map<string, number>();
  private areaIds = new Map<string, number>();
  private postalIds = new Map<string, number>();

  private alive = new Uint8Array(0);
  private consent = new Uint8Array(0);
  private status = new Uint8Array(0);
  private birthDay = new Int32Array(0);
  private municipality = new Int32Array(0);
  private area = new Int32Array(0);
  private postal = new Int32Array(0);
  /** ISCO-08 unit group per wish rank, −1 when none. */
  private isco = new Int32Array(0);
  private wishes = new Uint8Array(0);
  private licences = new Uint8Array(0);
  private danish = new Int8Array(0);
  private hours = new Float64Array(0);
  /** Bit 0 day, 1 evening, 2 weekend. */
  private availability = new Uint8Array(0);
  private targetGroup = new Int8Array(0);
  private availableFrom = new Int32Array(0);
  private waitingSince = new Int32Array(0);
  private activeProposals = new Int16Array(0);
  private skills: Int32Array[] = [];
  /** Scratch marks for the opening being ranked (proposed / declined). */
  private mark = new Uint8Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  private intern(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  }

  private grow(min: number) {
    if (min <= this.capacity) return;
    const next = Math.max(min, this.capacity * 2, 1024);
    const grown = <T extends { length: number; set(a: ArrayLike<number>): void }>(
      old: T,
      make: new (n: number) => T,
      factor = 1,
    ) => {
      const a = new make(next * factor);
      a.set(old as unknown as ArrayLike<number>);
      return a;
    };
    this.alive = grown(this.alive, Uint8Array);
    this.consent = grown(this.consent, Uint8Array);
    this.status = grown(this.status, Uint8Array);
    this.birthDay = grown(this.birthDay, Int32Array);
    this.municipality = grown(this.municipality, Int32Array);
    this.area = grown(this.area, Int32Array);
    this.postal = grown(this.postal, Int32Array);
    this.isco = grown(this.isco, Int32Array, MAX_WISHES);
    this.wishes = grown(this.wishes, Uint8Array);
    this.licences = grown(this.licences, Uint8Array);
    this.danish = grown(this.danish, Int8Array);
    this.hours = grown(this.hours, Float64Array);
    this.availability = grown(this.availability, Uint8Array);
    this.targetGroup = grown(this.targetGroup, Int8Array);
    this.availableFrom = grown(this.availableFrom, Int32Array);
    this.waitingSince = grown(this.waitingSince, Int32Array);
    this.activeProposals = grown(this.activeProposals, Int16Array);
    this.mark = grown(this.mark, Uint8Array);
    this.capacity = next;
  }

  /** Adds or replaces a resident (call on every change that touches a matching field). */
  upsert(r: TMatchResident): void {
    let slot = this.slotOf.get(r.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.ids.length;
      if (slot === this.ids.length) {
        this.grow(slot + 1);
        this.ids.push(r.id);
        this.residents.push(r);
        this.skills.push(new Int32Array(0));
      }
      this.slotOf.set(r.id, slot);
    }
    this.ids[slot] = r.id;
    this.residents[slot] = r;
    this.alive[slot] = 1;
    this.consent[slot] = r.consentToMatch ? 1 : 0;
    this.status[slot] = STATUSES.indexOf(r.status);
    this.birthDay[slot] = dayNumber(r.birthDate);
    this.municipality[slot] = this.intern(this.municipalityIds, r.municipalityId);
    this.area[slot] = r.housingAreaId === null ? -1 : this.intern(this.areaIds, r.housingAreaId);
    this.postal[slot] = this.intern(this.postalIds, r.postalCode);
    for (let w = 0; w < MAX_WISHES; w++) {
      const id = r.occupationIds[w];
      const o = id === undefined ? undefined : findOccupation(id);
      this.isco[slot * MAX_WISHES + w] = o ? Number(o.isco) : -1;
    }
    this.wishes[slot] = Math.min(255, r.occupationIds.length);
    this.licences[slot] = licenceMask(r.driverLicences);
    this.danish[slot] = r.danishLevel ?? -1;
    this.hours[slot] = r.hoursPerWeek ?? -1;
    this.availability[slot] =
      (r.availableDay ? 1 : 0) | (r.availableEvening ? 2 : 0) | (r.availableWeekend ? 4 : 0);
    this.targetGroup[slot] = r.targetGroup ?? 0;
    this.availableFrom[slot] = r.availableFrom === null ? -1 : dayNumber(r.availableFrom);
    this.waitingSince[slot] = dayNumber(r.waitingSince);
    this.activeProposals[slot] = r.activeProposals;
    this.skills[slot] = Int32Array.from(
      new Set(r.skills.map((s) => this.intern(this.skillIds, normalise(s)))),
    );
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.residents[slot] = null;
    this.freeSlots.push(slot);
  }

  get(id: string): TMatchResident | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : (this.residents[slot] ?? undefined);
  }

  /** Every resident in the index (for a consistency check against a fresh rebuild). */
  all(): TMatchResident[] {
    return this.residents.filter((r): r is TMatchResident => r !== null);
  }

  /**
   * The opening's best `limit` candidates, explained, and the exclusion summary over everyone:
   * the same result as candidatesForOpening() cut to `limit`, at the speed of one array scan.
   */
  rank(opening: TMatchOpening, context: TMatchContext, limit = 50): TIndexedRanking {
    const n = this.ids.length;
    const weights = context.settings.weights;
    const w = SCORE_COMPONENTS.map((c) => weights[c]);
    const [wOcc, wSkills, wHours, wProx, wReady, wStart, wFair] = w as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];

    // What the opening asks, turned into numbers once.
    const okInJob = acceptsPeopleInJob(opening.type);
    const { minAge, maxAge } = openingAgeLimits(opening);
    const start = opening.startDate;
    const bornBy = (age: number) => dayNumber(addMonths(start, -12 * age));
    const minAgeBorn = bornBy(minAge); // born on or before → at least minAge
    const maxAgeBorn = maxAge === null ? Number.NEGATIVE_INFINITY : bornBy(maxAge + 1); // born on or before → too old
    const adultBorn = bornBy(18);
    // Minors: the age in whole years from the thresholds, and the youth-work verdict per age,
    // both worked out once per opening (the rules depend on the age band, not the person).
    const bornByAge: number[] = [];
    for (let a = 13; a <= 18; a++) bornByAge[a] = bornBy(a);
    const youthVerdicts = new Map<number, boolean>();
    const youthRulesBreached = (age: number) => {
      let breached = youthVerdicts.get(age);
      if (breached === undefined) {
        breached = youthRuleViolations(age, opening).length > 0;
        youthVerdicts.set(age, breached);
      }
      return breached;
    };
    const requiredLicence =
      opening.driverLicence === null ? 0 : 1 << LICENCES.indexOf(opening.driverLicence as never);
    const minDanish = opening.minDanishLevel;
    const minHours = openingMinHours(opening);
    const wanted = findOccupation(opening.occupationId);
    const wantedIsco = wanted ? Number(wanted.isco) : -2;
    const openingSkills = opening.skills.map((s) => this.skillIds.get(normalise(s)) ?? -1);
    const skillCount = opening.skills.length;
    const skillsApply = skillCount > 0;
    const needSlots =
      (opening.scheduleDay ? 1 : 0) | (opening.scheduleEvening ? 2 : 0) | (opening.scheduleWeekend ? 4 : 0);
    const slotCount = (needSlots & 1) + ((needSlots >> 1) & 1) + ((needSlots >> 2) & 1);
    const need = readinessNeed(opening.type);
    const readinessApplies = need !== 'youth';
    const startDay = dayNumber(start);
    const today = dayNumber(context.today);
    const openingArea = opening.housingAreaId === null ? -2 : (this.areaIds.get(opening.housingAreaId) ?? -3);
    const openingPostal = this.postalIds.get(opening.postalCode) ?? -3;
    const openingMunicipality = this.municipalityIds.get(opening.municipalityId) ?? -3;
    const weightWithout = (skillsOff: boolean, readinessOff: boolean) =>
      w.reduce((sum, x, i) => ((i === 1 && skillsOff) || (i === 4 && readinessOff) ? sum : sum + x), 0);
    const applicableWeight = weightWithout(!skillsApply, !readinessApplies);

    // Proposed and declined people, marked by slot (few per opening).
    const marked: number[] = [];
    for (const key of context.proposedPairs) {
      if (!key.endsWith(`:${opening.id}`)) continue;
      const slot = this.slotOf.get(key.slice(0, key.length - opening.id.length - 1));
      if (slot !== undefined) {
        this.mark[slot] = (this.mark[slot] ?? 0) | 1;
        marked.push(slot);
      }
    }
    const quarantine = context.settings.declineQuarantineMonths;
    if (quarantine > 0) {
      const since = addMonths(context.today, -quarantine);
      for (const d of context.declines) {
        if (
          d.companyId !== opening.companyId ||
          d.occupationId !== opening.occupationId ||
          d.declinedOn <= since
        )
          continue;
        const slot = this.slotOf.get(d.residentId);
        if (slot !== undefined) {
          this.mark[slot] = (this.mark[slot] ?? 0) | 2;
          marked.push(slot);
        }
      }
    }

    const counts = new Map<string, { code: TExclusionCode; param?: number | string; count: number }>();
    const exclude = (code: TExclusionCode, param?: number | string) => {
      const key = `${code}:${param ?? ''}`;
      const line = counts.get(key);
      if (line) line.count += 1;
      else counts.set(key, { code, param, count: 1 });
    };

    // Bounded top list, kept sorted best first (limit is small).
    const topSlots: number[] = [];
    const topScores: number[] = [];
    const better = (score: number, slot: number, j: number) => {
      const s = topScores[j]!;
      if (score !== s) return score > s;
      const other = topSlots[j]!;
      const ws = this.waitingSince[slot]! - this.waitingSince[other]!;
      if (ws !== 0) return ws < 0;
      return this.ids[slot]! < this.ids[other]!;
    };
    let candidateCount = 0;
    let excludedCount = 0;

    for (let i = 0; i < n; i++) {
      if (this.alive[i] === 0) continue;
      // Hard filters, in the reference order; the first one failed is the one counted.
      if (this.consent[i] === 0) {
        exclude('no_consent');
        excludedCount++;
        continue;
      }
      const status = this.status[i]!;
      if (!(status === 0 || (status === 2 && okInJob))) {
        exclude('status', STATUSES[status]);
        excludedCount++;
        continue;
      }
      const born = this.birthDay[i]!;
      if (born > minAgeBorn) {
        exclude('too_young', minAge);
        excludedCount++;
        continue;
      }
      if (born <= maxAgeBorn) {
        exclude('too_old', maxAge ?? undefined);
        excludedCount++;
        continue;
      }
      if (this.mark[i] !== 0) {
        // Proposed or declined before: the reference filters decide (a handful per opening).
        const found = exclusionsFor(this.residents[i]!, opening, context);
        if (found.length > 0) {
          exclude(found[0]!.code, found[0]!.param);
          excludedCount++;
          continue;
        }
      } else {
        if (born > adultBorn) {
          let age = 17;
          while (age > minAge && born > bornByAge[age]!) age--;
          if (youthRulesBreached(age)) {
            exclude('youth_rules', age);
            excludedCount++;
            continue;
          }
        }
        if (requiredLicence !== 0 && (this.licences[i]! & requiredLicence) === 0) {
          exclude('driver_licence', opening.driverLicence ?? undefined);
          excludedCount++;
          continue;
        }
        const danish = this.danish[i]!;
        if (minDanish !== null && danish < minDanish) {
          exclude('danish_level', minDanish);
          excludedCount++;
          continue;
        }
        const h = this.hours[i]!;
        if (h >= 0 && h < minHours) {
          exclude('hours', minHours);
          excludedCount++;
          continue;
        }
      }
      candidateCount++;

      // Score components, exactly as score-components.ts computes them.
      let occ = 0;
      const wishes = this.wishes[i]!;
      if (wishes > MAX_WISHES) occ = occupationScore(this.residents[i]!, opening).value ?? 0;
      else
        for (let k = 0; k < wishes; k++) {
          const code = this.isco[i * MAX_WISHES + k]!;
          if (code < 0) continue;
          const shared =
            code === wantedIsco
              ? 4
              : Math.floor(code / 10) === Math.floor(wantedIsco / 10)
                ? 3
                : Math.floor(code / 100) === Math.floor(wantedIsco / 100)
                  ? 2
                  : Math.floor(code / 1000) === Math.floor(wantedIsco / 1000)
                    ? 1
                    : 0;
          const value = iscoFit(shared) * interestRankFactor(k);
          if (value > occ) occ = value;
        }
      let skills = 0;
      if (skillsApply) {
        const own = this.skills[i]!;
        let have = 0;
        for (const s of openingSkills) if (s >= 0 && own.includes(s)) have++;
        skills = have / skillCount;
      }
      const h = this.hours[i]!;
      const hoursValue = h < 0 ? 0.5 : Math.min(1, Math.max(0, h / opening.hoursPerWeek));
      const avail = this.availability[i]!;
      const missing = needSlots & ~avail;
      const missingCount = (missing & 1) + ((missing >> 1) & 1) + ((missing >> 2) & 1);
      const schedule = slotCount === 0 ? 1 : (slotCount - missingCount) / slotCount;
      const hoursScore = 0.7 * hoursValue + 0.3 * schedule;
      const area = this.area[i]!;
      const proximity =
        area >= 0 && area === openingArea
          ? 1
          : this.postal[i] === openingPostal
            ? 0.7
            : this.municipality[i] === openingMunicipality
              ? 0.4
              : 0.1;
      let readiness = 0;
      if (readinessApplies) {
        const tg = this.targetGroup[i]!;
        readiness = tg === 0 ? 0.5 : need === 'ready' ? (tg === 1 ? 1 : 0.3) : tg === 2 ? 1 : 0.7;
      }
      const from = this.availableFrom[i]!;
      const startValue =
        from < 0 || from <= startDay ? 1 : Math.min(1, Math.max(0, 1 - (from - startDay) / 56));
      const waited = Math.max(0, today - this.waitingSince[i]!);
      const fairness = Math.min(1, Math.max(0, Math.min(1, waited / 180) - 0.25 * this.activeProposals[i]!));

      let score = 0;
      if (applicableWeight > 0) {
        score += (occ * wOcc) / applicableWeight;
        score += skillsApply ? (skills * wSkills) / applicableWeight : 0;
        score += (hoursScore * wHours) / applicableWeight;
        score += (proximity * wProx) / applicableWeight;
        score += readinessApplies ? (readiness * wReady) / applicableWeight : 0;
        score += (startValue * wStart) / applicableWeight;
        score += (fairness * wFair) / applicableWeight;
      }

      if (topSlots.length === limit && !better(score, i, limit - 1)) continue;
      let j = topSlots.length === limit ? limit - 1 : topSlots.length;
      if (topSlots.length < limit) {
        topSlots.push(i);
        topScores.push(score);
      }
      while (j > 0 && better(score, i, j - 1)) {
        topSlots[j] = topSlots[j - 1]!;
        topScores[j] = topScores[j - 1]!;
        j--;
      }
      topSlots[j] = i;
      topScores[j] = score;
    }
    for (const slot of marked) this.mark[slot] = 0;

    const summary = [...counts.values()]
      .map((line) => ({ ...line, label: exclusionSummaryLabel(line.code, line.param, line.count) }))
      .sort(
        (a, b) =>
          EXCLUSION_CODES.indexOf(a.code) - EXCLUSION_CODES.indexOf(b.code) ||
          b.count - a.count ||
          compareText(String(a.param ?? ''), String(b.param ?? '')),
      );
    return {
      candidates: topSlots.map((slot) => scorePair(this.residents[slot]!, opening, context)),
      scanScores: topScores,
      candidateCount,
      excludedCount,
      summary,
    };
  }
}
