import { findOccupation, iscoSharedDigits } from '../occupations.ts';
import { OPENING_TYPE_INFO, type TOpeningType } from '../opening-types.ts';
import { daysBetween, formatDanishDate } from '../time.ts';
import type { TMatchContext, TMatchOpening, TMatchResident } from './match-inputs.ts';
import type { TScoreComponent } from './matching-settings.ts';

// The score components of the matching (issue 5 item 1), each a value in [0, 1] with a Danish
// reason. A component that says nothing about this pair (the job names no skills; readiness for
// a youth job) is null and left out of the weighted mean instead of counting as 0 or 1.

export interface TComponentScore {
  component: TScoreComponent;
  /** 0-1, or null when the component does not apply to this opening. */
  value: number | null;
  reason: string;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const hoursText = (n: number) => String(n).replace('.', ',');
/** "Tømrer" → "tømrer" inside a sentence; an acronym ("VVS-montør", "IT-supporter") stays as written. */
const lowerFirst = (s: string) =>
  /^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLocaleLowerCase('da') + s.slice(1);
const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('da')
    .trim();

/** ISCO-08 shared digits → fit: same unit group 1.0, minor group 0.7, sub-major group 0.4. */
export function iscoFit(sharedDigits: number): number {
  if (sharedDigits >= 4) return 1;
  if (sharedDigits === 3) return 0.7;
  if (sharedDigits === 2) return 0.4;
  return 0;
}

/** A second or later wish counts a little less: 1st 1.0, 2nd 0.85, 3rd 0.7, then 0.55 and down to 0.5. */
export function interestRankFactor(rankIndex: number): number {
  return Math.max(0.5, 1 - 0.15 * rankIndex);
}

const FIT_WORDS: Record<number, string> = { 4: 'samme fag', 3: 'beslægtet fag', 2: 'samme faggruppe' };

export function occupationScore(resident: TMatchResident, opening: TMatchOpening): TComponentScore {
  const wanted = findOccupation(opening.occupationId);
  if (resident.occupationIds.length === 0) {
    return { component: 'occupation', value: 0, reason: 'Har ikke angivet ønskede fag' };
  }
  let best: { value: number; reason: string } = {
    value: 0,
    reason: 'Ingen af de ønskede fag ligner jobbets',
  };
  resident.occupationIds.forEach((id, rank) => {
    const own = findOccupation(id);
    if (!own || !wanted) return;
    const shared = id === wanted.id ? 4 : iscoSharedDigits(own.isco, wanted.isco);
    const value = iscoFit(shared) * interestRankFactor(rank);
    if (value > best.value) {
      const wish = resident.occupationIds.length > 1 ? ` (${rank + 1}. ønske)` : '';
      best = {
        value,
        reason: `Interesseret i ${lowerFirst(own.titleDa)}${wish} – ${FIT_WORDS[Math.min(shared, 4)]}`,
      };
    }
  });
  return { component: 'occupation', ...best };
}

export function skillsScore(resident: TMatchResident, opening: TMatchOpening): TComponentScore {
  if (opening.skills.length === 0) {
    return { component: 'skills', value: null, reason: 'Jobbet nævner ingen særlige kompetencer' };
  }
  const own = new Set(resident.skills.map(normalise));
  const have = opening.skills.filter((s) => own.has(normalise(s)));
  const value = have.length / opening.skills.length;
  const reason =
    have.length === 0
      ? `Har ingen af de ${opening.skills.length} kompetencer, jobbet nævner`
      : `Har ${have.length} af ${opening.skills.length} kompetencer: ${have.join(', ')}`;
  return { component: 'skills', value, reason };
}

export function hoursScore(resident: TMatchResident, opening: TMatchOpening): TComponentScore {
  const hours =
    resident.hoursPerWeek === null
      ? { value: 0.5, text: 'Timetal ikke oplyst' }
      : {
          value: clamp01(resident.hoursPerWeek / opening.hoursPerWeek),
          text: `Kan ${hoursText(resident.hoursPerWeek)} timer/uge – jobbet er ${hoursText(opening.hoursPerWeek)}`,
        };
  const slots = [
    { needed: opening.scheduleDay, can: resident.availableDay, missing: 'dagtimer' },
    { needed: opening.scheduleEvening, can: resident.availableEvening, missing: 'aftener' },
    { needed: opening.scheduleWeekend, can: resident.availableWeekend, missing: 'weekender' },
  ].filter((s) => s.needed);
  const missing = slots.filter((s) => !s.can).map((s) => s.missing);
  const schedule = slots.length === 0 ? 1 : (slots.length - missing.length) / slots.length;
  const reason = missing.length > 0 ? `${hours.text}; kan ikke ${missing.join(' og ')}` : hours.text;
  return { component: 'hours', value: 0.7 * hours.value + 0.3 * schedule, reason };
}

export function proximityScore(
  resident: TMatchResident,
  opening: TMatchOpening,
  context: TMatchContext,
): TComponentScore {
  const areaName = resident.housingAreaId ? context.areaNames[resident.housingAreaId] : undefined;
  const home = areaName ? `Bor i ${areaName}` : `Bor i postnummer ${resident.postalCode}`;
  if (resident.housingAreaId && resident.housingAreaId === opening.housingAreaId) {
    return { component: 'proximity', value: 1, reason: `${home} – samme område som jobbet` };
  }
  if (resident.postalCode === opening.postalCode) {
    return { component: 'proximity', value: 0.7, reason: `${home} – samme by` };
  }
  if (resident.municipalityId === opening.municipalityId) {
    return { component: 'proximity', value: 0.4, reason: `${home} – samme kommune` };
  }
  return { component: 'proximity', value: 0.1, reason: `${home} – en anden kommune` };
}

/** What readiness an opening type asks for (seed 003: group 1 ready now, group 2 gradual attachment). */
export type TReadinessNeed = 'ready' | 'gradual' | 'youth';

export function readinessNeed(type: TOpeningType): TReadinessNeed {
  const info = OPENING_TYPE_INFO[type];
  if (info.isYouth) return 'youth';
  // Småjob, flexjob and fejedrengs-tjanser are marked small; praktik and snusepraktik are steps too.
  if (info.isSmall || type === 'work_trial' || type === 'site_trial') return 'gradual';
  return 'ready';
}

export function readinessScore(resident: TMatchResident, opening: TMatchOpening): TComponentScore {
  const need = readinessNeed(opening.type);
  if (need === 'youth') {
    return { component: 'readiness', value: null, reason: 'Fritidsjob for unge: parathed vurderes ikke' };
  }
  if (resident.targetGroup === null) {
    return { component: 'readiness', value: 0.5, reason: 'Ikke screenet (Stepping Stones)' };
  }
  if (need === 'ready') {
    return resident.targetGroup === 1
      ? { component: 'readiness', value: 1, reason: 'Målgruppe 1 (klar til job) – passer til jobbet' }
      : {
          component: 'readiness',
          value: 0.3,
          reason: 'Målgruppe 2 (gradvis tilknytning) – jobbet kan være et stort skridt nu',
        };
  }
  return resident.targetGroup === 2
    ? {
        component: 'readiness',
        value: 1,
        reason: 'Målgruppe 2 (gradvis tilknytning) – småjob og praktik passer',
      }
    : { component: 'readiness', value: 0.7, reason: 'Målgruppe 1 (klar til job) – kan mere end dette' };
}

/** Eight weeks late is as bad as it gets. */
const START_TOLERANCE_DAYS = 56;

export function startDateScore(resident: TMatchResident, opening: TMatchOpening): TComponentScore {
  const from = resident.availableFrom;
  if (from === null || from <= opening.startDate) {
    return {
      component: 'startDate',
      value: 1,
      reason: `Kan starte ${formatDanishDate(opening.startDate)}`,
    };
  }
  const late = daysBetween(opening.startDate, from);
  return {
    component: 'startDate',
    value: clamp01(1 - late / START_TOLERANCE_DAYS),
    reason: `Kan først starte ${formatDanishDate(from)} – ${late} dage efter jobstart`,
  };
}

/** Half a year's wait gives the full value; each proposal under way takes a quarter off. */
const FULL_WAIT_DAYS = 180;
const ACTIVE_PROPOSAL_PENALTY = 0.25;

function waitText(days: number): string {
  if (days < 1) return 'i dag';
  if (days < 14) return `${days} ${days === 1 ? 'dag' : 'dage'}`;
  if (days < 61) return `${Math.floor(days / 7)} uger`;
  const months = Math.floor(days / 30.44);
  return `${months} måneder`;
}

export function fairnessScore(resident: TMatchResident, context: TMatchContext): TComponentScore {
  const days = Math.max(0, daysBetween(resident.waitingSince, context.today));
  const value = clamp01(
    Math.min(1, days / FULL_WAIT_DAYS) - ACTIVE_PROPOSAL_PENALTY * resident.activeProposals,
  );
  const wait = days < 1 ? 'Registreret eller foreslået i dag' : `Har ventet ${waitText(days)} på et forslag`;
  const active = resident.activeProposals > 0 ? `; har ${resident.activeProposals} forslag i gang` : '';
  return { component: 'fairness', value, reason: `${wait}${active}` };
}

export function componentScores(
  resident: TMatchResident,
  opening: TMatchOpening,
  context: TMatchContext,
): TComponentScore[] {
  return [
    occupationScore(resident, opening),
    skillsScore(resident, opening),
    hoursScore(resident, opening),
    proximityScore(resident, opening, context),
    readinessScore(resident, opening),
    startDateScore(resident, opening),
    fairnessScore(resident, context),
  ];
}
