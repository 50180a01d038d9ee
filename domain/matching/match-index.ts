import { findOccupation, iscoSharedDigits } from '../occupations.ts';
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
import { pairKey, type TMatchContext, type TMatchOpening, type TMatchResident } from './match-inputs.ts';
import { SCORE_COMPONENTS } from './matching-settings.ts';
import { interestRankFactor, iscoFit, occupationScore, readinessNeed } from './score-components.ts';

// An in-memory index of the residents for ranking one opening fast (issue 5 item 6): the fields
// the filters and scores read, as typed arrays, scanned in one pass with a bounded top list. The
// scan computes exactly the numbers of the reference functions (hard-filters.ts,
// score-components.ts, match.ts) in the same order, so the ranks are identical; the Danish
// explanations are then made by the reference code for the top candidates only. Minors go
// through the reference filters too: the youth-work rules are many and they are few.
//
// Speed (bench/match.ts, 100,000 residents): nothing in the scan allocates or touches a string.
// What depends on the opening is worked out once per call — occupation fit per interned ISCO
// code and wish rank, the skills asked as a bit mask, the age limits as birth-day thresholds,
// the weights divided out — and the exclusion summary is counted in a typed array. A resident's
// score is first estimated with multiplications only; the exact score (the reference's
// divisions, bit for bit) is worked out only when the estimate could reach the top list.

const STATUSES = ['active', 'paused', 'in_job', 'in_education', 'moved', 'closed'] as const;
const LICENCES = ['B', 'BE', 'C1', 'C', 'CE', 'D'] as const;
/** resident.schema.ts allows five wishes; anyone with more is scored by the reference code. */
const MAX_WISHES = 5;
const DAY_MS = 86_400_000;
/** Skills interned below this id are kept as bits as well (the common case: a short tag list). */
const MASK_SKILLS = 32;
/** The estimate differs from the exact score by a few units in the last place; this is far more. */
const ESTIMATE_MARGIN = 1e-9;

// Exclusion counters of the scan, one slot per (code, param) it can produce.
const C_NO_CONSENT = 0;
const C_STATUS = 1; // + status index
const C_TOO_YOUNG = C_STATUS + STATUSES.length;
const C_TOO_OLD = C_TOO_YOUNG + 1;
const C_YOUTH = C_TOO_OLD + 1; // + age 0-17
const C_LICENCE = C_YOUTH + 18;
const C_DANISH = C_LICENCE + 1;
const C_HOURS = C_DANISH + 1;
const COUNTERS = C_HOURS + 1;

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

function licenceMask(held: readonly string[]): number {
  let mask = 0;
  LICENCES.forEach((l, i) => {
    if (holdsLicence(held, l)) mask |= 1 << i;
  });
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
  /** ISCO-08 unit groups (4 digits) of the residents' wishes, interned. */
  private iscoCodes: string[] = [];
  private iscoIds = new Map<string, number>();

  private alive = new Uint8Array(0);
  private consent = new Uint8Array(0);
  private status = new Uint8Array(0);
  private birthDay = new Int32Array(0);
  private municipality = new Int32Array(0);
  private area = new Int32Array(0);
  private postal = new Int32Array(0);
  /** Interned ISCO code per wish rank (MAX_WISHES per slot), −1 when none or unknown. */
  private wishCode = new Int32Array(0);
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
  /** The skills with an id below MASK_SKILLS, as bits. */
  private skillMask = new Uint32Array(0);
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
    this.wishCode = grown(this.wishCode, Int32Array, MAX_WISHES);
    this.wishes = grown(this.wishes, Uint8Array);
    this.licences = grown(this.licences, Uint8Array);
    this.danish = grown(this.danish, Int8Array);
    this.hours = grown(this.hours, Float64Array);
    this.availability = grown(this.availability, Uint8Array);
    this.targetGroup = grown(this.targetGroup, Int8Array);
    this.availableFrom = grown(this.availableFrom, Int32Array);
    this.waitingSince = grown(this.waitingSince, Int32Array);
    this.activeProposals = grown(this.activeProposals, Int16Array);
    this.skillMask = grown(this.skillMask, Uint32Array);
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
      let code = -1;
      if (o) {
        code = this.iscoIds.get(o.isco) ?? this.iscoCodes.length;
        if (code === this.iscoCodes.length) {
          this.iscoIds.set(o.isco, code);
          this.iscoCodes.push(o.isco);
        }
      }
      this.wishCode[slot * MAX_WISHES + w] = code;
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
    const skills = Int32Array.from(new Set(r.skills.map((s) => this.intern(this.skillIds, normalise(s)))));
    this.skills[slot] = skills;
    let mask = 0;
    for (const s of skills) if (s < MASK_SKILLS) mask |= 1 << s;
    this.skillMask[slot] = mask >>> 0;
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
   * Pass context.proposedResidentIds (the people proposed to this opening) to spare the walk
   * through every proposed pair.
   */
  rank(opening: TMatchOpening, context: TMatchContext, limit = 50): TIndexedRanking {
    const n = this.ids.length;
    const cap = Math.max(0, Math.floor(limit));
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
    for (let a = Math.max(0, minAge); a <= 18; a++) bornByAge[a] = bornBy(a);
    const youthVerdicts = new Int8Array(18).fill(-1);
    const youthRulesBreached = (age: number) => {
      if (youthVerdicts[age] === -1)
        youthVerdicts[age] = youthRuleViolations(age, opening).length > 0 ? 1 : 0;
      return youthVerdicts[age] === 1;
    };
    const requiredLicence =
      opening.driverLicence === null ? 0 : 1 << LICENCES.indexOf(opening.driverLicence as never);
    const minDanish = opening.minDanishLevel ?? -2;
    const minHours = openingMinHours(opening);

    // Occupation fit per interned ISCO code and wish rank, as the reference multiplies it.
    const wanted = findOccupation(opening.occupationId);
    const codes = this.iscoCodes;
    const occTable = new Float64Array(codes.length * MAX_WISHES);
    if (wanted)
      for (let c = 0; c < codes.length; c++) {
        const shared = codes[c] === wanted.isco ? 4 : iscoSharedDigits(codes[c]!, wanted.isco);
        for (let k = 0; k < MAX_WISHES; k++)
          occTable[c * MAX_WISHES + k] = iscoFit(shared) * interestRankFactor(k);
      }

    const openingSkills = Int32Array.from(opening.skills, (s) => this.skillIds.get(normalise(s)) ?? -1);
    const skillCount = opening.skills.length;
    const skillsApply = skillCount > 0;
    // The bit mask counts right when every skill asked is a distinct low id (unknown ones count 0).
    let openingSkillMask = 0;
    let skillsByMask = true;
    for (const s of openingSkills) {
      if (s < 0) continue;
      if (s >= MASK_SKILLS || (openingSkillMask & (1 << s)) !== 0) skillsByMask = false;
      else openingSkillMask |= 1 << s;
    }
    const needSlots =
      (opening.scheduleDay ? 1 : 0) | (opening.scheduleEvening ? 2 : 0) | (opening.scheduleWeekend ? 4 : 0);
    const slotCount = (needSlots & 1) + ((needSlots >> 1) & 1) + ((needSlots >> 2) & 1);
    const need = readinessNeed(opening.type);
    const readinessApplies = need !== 'youth';
    // Readiness by target group (0 = not screened).
    const readinessOf = [0.5, need === 'ready' ? 1 : 0.7, need === 'ready' ? 0.3 : 1];
    const openingHours = opening.hoursPerWeek;
    const startDay = dayNumber(start);
    const today = dayNumber(context.today);
    const openingArea = opening.housingAreaId === null ? -2 : (this.areaIds.get(opening.housingAreaId) ?? -3);
    const openingPostal = this.postalIds.get(opening.postalCode) ?? -3;
    const openingMunicipality = this.municipalityIds.get(opening.municipalityId) ?? -3;
    const applicableWeight = w.reduce(
      (sum, x, i) => ((i === 1 && !skillsApply) || (i === 4 && !readinessApplies) ? sum : sum + x),
      0,
    );
    // For the estimate: each weight's share, and the reciprocals of the divisors.
    const share = (x: number, applies = true) => (applies && applicableWeight > 0 ? x / applicableWeight : 0);
    const aOcc = share(wOcc);
    const aSkills = share(wSkills, skillsApply);
    const aHours = share(wHours);
    const aProx = share(wProx);
    const aReady = share(wReady, readinessApplies);
    const aStart = share(wStart);
    const aFair = share(wFair);
    const restAtMost = aSkills + aHours + aProx + aReady + aStart + aFair;
    const perHour = 1 / openingHours;
    // Schedule fit by the slots asked that the person cannot do (bit mask), as the reference divides it.
    const scheduleOf = new Float64Array(8);
    for (let missing = 0; missing < 8; missing++) {
      const count = (missing & 1) + ((missing >> 1) & 1) + ((missing >> 2) & 1);
      scheduleOf[missing] = slotCount === 0 ? 1 : (slotCount - count) / slotCount;
    }
    const perSkill = skillsApply ? 1 / skillCount : 0;

    // Proposed and declined people, marked by slot (few per opening).
    const mark = this.mark;
    const marked: number[] = [];
    const markSlot = (slot: number | undefined, bit: number) => {
      if (slot === undefined) return;
      if (mark[slot] === 0) marked.push(slot);
      mark[slot]! |= bit;
    };
    if (context.proposedResidentIds) {
      for (const id of context.proposedResidentIds) markSlot(this.slotOf.get(id), 1);
    } else {
      const suffix = `:${opening.id}`;
      for (const key of context.proposedPairs) {
        if (key.endsWith(suffix)) markSlot(this.slotOf.get(key.slice(0, key.length - suffix.length)), 1);
      }
    }
    const quarantine = context.settings.declineQuarantineMonths;
    if (quarantine > 0) {
      const since = addMonths(context.today, -quarantine);
      for (const d of context.declines) {
        if (
          d.companyId === opening.companyId &&
          d.occupationId === opening.occupationId &&
          d.declinedOn > since
        )
          markSlot(this.slotOf.get(d.residentId), 2);
      }
    }

    // The reference filters, which decide for the marked people, read proposedPairs: give them
    // this opening's pairs from either source.
    let referenceContext = context;
    if (context.proposedResidentIds) {
      const here = new Set<string>();
      for (const slot of marked) {
        const key = pairKey(this.ids[slot]!, opening.id);
        if (context.proposedResidentIds.has(this.ids[slot]!) || context.proposedPairs.has(key)) here.add(key);
      }
      referenceContext = { ...context, proposedPairs: here };
    }

    const counters = new Int32Array(COUNTERS);
    /** Exclusions found by the reference filters for marked people: (code, param) → count. */
    const rare = new Map<string, { code: TExclusionCode; param?: number | string; count: number }>();

    // Bounded top list, kept sorted best first (limit is small, and after the first few thousand
    // people almost nobody gets past the floor).
    const topSlots = new Int32Array(cap);
    const topScores = new Float64Array(cap);
    let topCount = 0;
    let floor = Number.NEGATIVE_INFINITY;
    const ids = this.ids;
    const alive = this.alive;
    const consent = this.consent;
    const statusOf = this.status;
    const birthDay = this.birthDay;
    const licences = this.licences;
    const danishOf = this.danish;
    const hoursOf = this.hours;
    const wishesOf = this.wishes;
    const wishCode = this.wishCode;
    const skillMask = this.skillMask;
    const skillsOf = this.skills;
    const availability = this.availability;
    const areaOf = this.area;
    const postalOf = this.postal;
    const municipalityOf = this.municipality;
    const targetGroupOf = this.targetGroup;
    const availableFrom = this.availableFrom;
    const waitingSince = this.waitingSince;
    const activeProposals = this.activeProposals;
    /** Does (score, slot) rank before the entry at j? Higher score, then longer wait, then id. */
    const before = (score: number, slot: number, j: number) => {
      const s = topScores[j]!;
      if (score !== s) return score > s;
      const other = topSlots[j]!;
      const ws = waitingSince[slot]! - waitingSince[other]!;
      if (ws !== 0) return ws < 0;
      return ids[slot]! < ids[other]!;
    };
    let candidateCount = 0;

    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) continue;
      // Hard filters, in the reference order; the first one failed is the one counted.
      if (consent[i] === 0) {
        counters[C_NO_CONSENT]!++;
        continue;
      }
      const status = statusOf[i]!;
      if (status !== 0 && !(status === 2 && okInJob)) {
        counters[C_STATUS + status]!++;
        continue;
      }
      const born = birthDay[i]!;
      if (born > minAgeBorn) {
        counters[C_TOO_YOUNG]!++;
        continue;
      }
      if (born <= maxAgeBorn) {
        counters[C_TOO_OLD]!++;
        continue;
      }
      const h = hoursOf[i]!;
      if (mark[i] !== 0) {
        // Proposed or declined before: the reference filters decide (a handful per opening).
        const found = exclusionsFor(this.residents[i]!, opening, referenceContext);
        if (found.length > 0) {
          const { code, param } = found[0]!;
          const key = `${code}:${param ?? ''}`;
          const line = rare.get(key);
          if (line) line.count++;
          else rare.set(key, { code, param, count: 1 });
          continue;
        }
      } else {
        if (born > adultBorn) {
          let age = 17;
          while (age > minAge && born > bornByAge[age]!) age--;
          if (youthRulesBreached(age)) {
            counters[C_YOUTH + age]!++;
            continue;
          }
        }
        if (requiredLicence !== 0 && (licences[i]! & requiredLicence) === 0) {
          counters[C_LICENCE]!++;
          continue;
        }
        if (danishOf[i]! < minDanish) {
          counters[C_DANISH]!++;
          continue;
        }
        if (h >= 0 && h < minHours) {
          counters[C_HOURS]!++;
          continue;
        }
      }
      candidateCount++;
      if (cap === 0) continue;

      // Score components, exactly as score-components.ts computes them.
      const wishes = wishesOf[i]!;
      let occ = 0;
      if (wishes > MAX_WISHES) occ = occupationScore(this.residents[i]!, opening).value ?? 0;
      else
        for (let k = 0; k < wishes; k++) {
          const code = wishCode[i * MAX_WISHES + k]!;
          if (code < 0) continue;
          const value = occTable[code * MAX_WISHES + k]!;
          if (value > occ) occ = value;
        }
      // Most people are ruled out by the occupation alone: the rest can add at most their weights.
      if (topCount === cap && occ * aOcc + restAtMost < floor - ESTIMATE_MARGIN) continue;
      let have = 0;
      if (skillsApply) {
        if (skillsByMask) have = bitCount(skillMask[i]! & openingSkillMask);
        else {
          const own = skillsOf[i]!;
          for (const s of openingSkills) if (s >= 0 && own.includes(s)) have++;
        }
      }
      const schedule = scheduleOf[needSlots & ~availability[i]!]!;
      const area = areaOf[i]!;
      const proximity =
        area >= 0 && area === openingArea
          ? 1
          : postalOf[i] === openingPostal
            ? 0.7
            : municipalityOf[i] === openingMunicipality
              ? 0.4
              : 0.1;
      const readiness = readinessApplies ? readinessOf[targetGroupOf[i]!]! : 0;
      const from = availableFrom[i]!;
      const late = from < 0 || from <= startDay ? 0 : from - startDay;
      const waited = Math.max(0, today - waitingSince[i]!);
      const penalty = 0.25 * activeProposals[i]!;

      // The estimate, multiplications only: if it cannot reach the floor, neither can the score.
      if (topCount === cap) {
        const hv = h < 0 ? 0.5 : Math.min(1, Math.max(0, h * perHour));
        const estimate =
          occ * aOcc +
          have * perSkill * aSkills +
          (0.7 * hv + 0.3 * schedule) * aHours +
          proximity * aProx +
          readiness * aReady +
          Math.min(1, Math.max(0, 1 - late * (1 / 56))) * aStart +
          Math.min(1, Math.max(0, Math.min(1, waited * (1 / 180)) - penalty)) * aFair;
        if (estimate < floor - ESTIMATE_MARGIN) continue;
      }

      // The exact score: the reference's operations in the reference's order.
      const skills = skillsApply ? have / skillCount : 0;
      const hoursValue = h < 0 ? 0.5 : Math.min(1, Math.max(0, h / openingHours));
      const hoursScore = 0.7 * hoursValue + 0.3 * schedule;
      const startValue = late === 0 ? 1 : Math.min(1, Math.max(0, 1 - late / 56));
      const fairness = Math.min(1, Math.max(0, Math.min(1, waited / 180) - penalty));
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

      if (topCount === cap) {
        if (score < floor || !before(score, i, cap - 1)) continue;
      } else topCount++;
      let j = topCount - 1;
      while (j > 0 && before(score, i, j - 1)) {
        topSlots[j] = topSlots[j - 1]!;
        topScores[j] = topScores[j - 1]!;
        j--;
      }
      topSlots[j] = i;
      topScores[j] = score;
      if (topCount === cap) floor = topScores[cap - 1]!;
    }
    for (const slot of marked) mark[slot] = 0;

    // The summary: the scan's counters and the reference's few, grouped as summariseExclusions does.
    const lines = new Map(rare);
    const add = (slot: number, code: TExclusionCode, param?: number | string) => {
      const count = counters[slot]!;
      if (count === 0) return;
      const key = `${code}:${param ?? ''}`;
      const line = lines.get(key);
      if (line) line.count += count;
      else lines.set(key, { code, param, count });
    };
    add(C_NO_CONSENT, 'no_consent');
    STATUSES.forEach((status, s) => {
      add(C_STATUS + s, 'status', status);
    });
    add(C_TOO_YOUNG, 'too_young', minAge);
    add(C_TOO_OLD, 'too_old', maxAge ?? undefined);
    for (let age = 0; age < 18; age++) add(C_YOUTH + age, 'youth_rules', age);
    add(C_LICENCE, 'driver_licence', opening.driverLicence ?? undefined);
    add(C_DANISH, 'danish_level', opening.minDanishLevel ?? undefined);
    add(C_HOURS, 'hours', minHours);
    let excludedCount = 0;
    for (const line of lines.values()) excludedCount += line.count;
    const summary = [...lines.values()]
      .map((line) => ({ ...line, label: exclusionSummaryLabel(line.code, line.param, line.count) }))
      .sort(
        (a, b) =>
          EXCLUSION_CODES.indexOf(a.code) - EXCLUSION_CODES.indexOf(b.code) ||
          b.count - a.count ||
          compareText(String(a.param ?? ''), String(b.param ?? '')),
      );
    const top = Array.from(topSlots.subarray(0, topCount));
    return {
      candidates: top.map((slot) => scorePair(this.residents[slot]!, opening, context)),
      scanScores: Array.from(topScores.subarray(0, topCount)),
      candidateCount,
      excludedCount,
      summary,
    };
  }
}
