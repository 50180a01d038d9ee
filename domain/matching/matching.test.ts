import { describe, expect, it } from 'vitest';
import { exclusionsFor, holdsLicence } from './hard-filters.ts';
import { candidatesForOpening, openingsForResident, scorePair } from './match.ts';
import { pairKey, type TMatchContext, type TMatchOpening, type TMatchResident } from './match-inputs.ts';
import { DEFAULT_MATCH_SETTINGS, ZMatchSettings } from './matching-settings.ts';
import {
  fairnessScore,
  hoursScore,
  occupationScore,
  proximityScore,
  readinessScore,
  skillsScore,
  startDateScore,
} from './score-components.ts';

// Fixed dates and plain data: the matching core has no clock and no database.
const TODAY = '2026-11-25';
const VIBORG = 'm-viborg';
const HOULKAER = 'a-houlkaer';

function resident(overrides: Partial<TMatchResident> = {}): TMatchResident {
  return {
    id: 'r1',
    birthDate: '1990-05-01',
    status: 'active',
    consentToMatch: true,
    municipalityId: VIBORG,
    housingAreaId: HOULKAER,
    postalCode: '8800',
    occupationIds: ['toemrer'],
    skills: [],
    driverLicences: [],
    danishLevel: 4,
    hoursPerWeek: 37,
    availableDay: true,
    availableEvening: false,
    availableWeekend: false,
    targetGroup: 1,
    availableFrom: null,
    waitingSince: '2026-08-01',
    activeProposals: 0,
    ...overrides,
  };
}

function opening(overrides: Partial<TMatchOpening> = {}): TMatchOpening {
  return {
    id: 'o1',
    companyId: 'c1',
    type: 'full_time',
    occupationId: 'toemrer',
    skills: [],
    hoursPerWeek: 37,
    minHoursPerWeek: null,
    scheduleDay: true,
    scheduleEvening: false,
    scheduleWeekend: false,
    endTime: null,
    startDate: '2027-01-04',
    municipalityId: VIBORG,
    housingAreaId: HOULKAER,
    postalCode: '8800',
    driverLicence: null,
    minDanishLevel: null,
    minAge: null,
    maxAge: null,
    activeProposals: 0,
    ...overrides,
  };
}

function context(overrides: Partial<TMatchContext> = {}): TMatchContext {
  return {
    today: TODAY,
    settings: DEFAULT_MATCH_SETTINGS,
    proposedPairs: new Set(),
    declines: [],
    areaNames: { [HOULKAER]: 'Houlkærvænget', 'a-other': 'Ellekær' },
    ...overrides,
  };
}

const codes = (r: TMatchResident, o: TMatchOpening, c = context()) =>
  exclusionsFor(r, o, c).map((e) => e.code);

describe('hard filters', () => {
  it('lets a person with consent (b), active and fitting through', () => {
    expect(exclusionsFor(resident(), opening(), context())).toEqual([]);
  });

  it('excludes without an active consent (b)', () => {
    expect(codes(resident({ consentToMatch: false }), opening())).toEqual(['no_consent']);
  });

  it('takes people in a job only for part-time and small types', () => {
    const inJob = resident({ status: 'in_job' });
    expect(codes(inJob, opening({ type: 'full_time' }))).toEqual(['status']);
    expect(codes(inJob, opening({ type: 'part_time', hoursPerWeek: 20 }))).toEqual([]);
    expect(codes(inJob, opening({ type: 'small_job', hoursPerWeek: 8 }))).toEqual([]);
    expect(codes(resident({ status: 'paused' }), opening({ type: 'small_job', hoursPerWeek: 8 }))).toEqual([
      'status',
    ]);
  });

  it('uses the age on the first working day and the type’s default ages', () => {
    // 18 on 2027-01-05, the day after the start: still 17 for a full-time job from 18.
    const seventeen = resident({ birthDate: '2009-01-05' });
    const found = exclusionsFor(seventeen, opening(), context());
    expect(found.map((e) => e.code)).toEqual(['too_young']);
    expect(found[0]?.message).toBe('Er 17 år ved start – jobbet er fra 18 år');
    expect(codes(resident({ birthDate: '2009-01-04' }), opening())).toEqual([]);
    // Pocket-money jobs are for 13-14-year-olds.
    const pocket = opening({ type: 'pocket_money_job', hoursPerWeek: 4 });
    expect(codes(resident({ birthDate: '2013-06-01' }), pocket)).toEqual([]);
    expect(codes(resident({ birthDate: '2011-06-01' }), pocket)).toEqual(['too_old']);
  });

  it('applies the youth-work rules to a minor the opening accepts by age', () => {
    // A 15-year-old in 9th grade may work at most 12 hours in a school week.
    const leisure = opening({ type: 'leisure_job', hoursPerWeek: 15, minAge: 15, maxAge: 17 });
    const minor = exclusionsFor(resident({ birthDate: '2011-03-01' }), leisure, context());
    expect(minor.map((e) => e.code)).toEqual(['youth_rules']);
    expect(minor[0]?.message).toMatch(/^Er 15 år: .*12 timer/);
    expect(codes(resident({ birthDate: '2011-03-01' }), opening({ ...leisure, hoursPerWeek: 10 }))).toEqual(
      [],
    );
    // Evening work without a stated end time cannot be shown to respect the night rest.
    expect(
      codes(resident({ birthDate: '2011-03-01' }), { ...leisure, hoursPerWeek: 10, scheduleEvening: true }),
    ).toEqual(['youth_rules']);
  });

  it("reads driver's licences with the categories they include", () => {
    expect(holdsLicence(['CE'], 'B')).toBe(true);
    expect(holdsLicence(['C'], 'C1')).toBe(true);
    expect(holdsLicence(['B'], 'BE')).toBe(false);
    expect(holdsLicence([], 'B')).toBe(false);
    expect(codes(resident({ driverLicences: ['B'] }), opening({ driverLicence: 'C' }))).toEqual([
      'driver_licence',
    ]);
    expect(codes(resident({ driverLicences: ['CE'] }), opening({ driverLicence: 'C' }))).toEqual([]);
  });

  it('needs the Danish level when the opening sets one, and an unknown level does not pass', () => {
    expect(codes(resident({ danishLevel: 2 }), opening({ minDanishLevel: 3 }))).toEqual(['danish_level']);
    expect(codes(resident({ danishLevel: null }), opening({ minDanishLevel: 3 }))).toEqual(['danish_level']);
    expect(codes(resident({ danishLevel: 3 }), opening({ minDanishLevel: 3 }))).toEqual([]);
    expect(codes(resident({ danishLevel: null }), opening())).toEqual([]);
  });

  it("compares hours with the opening's minimum, else the type's", () => {
    // Full time: the type's minimum is 37.
    expect(codes(resident({ hoursPerWeek: 30 }), opening())).toEqual(['hours']);
    expect(codes(resident({ hoursPerWeek: 30 }), opening({ minHoursPerWeek: 30 }))).toEqual([]);
    // A wage-subsidy job can start from 20 hours.
    expect(codes(resident({ hoursPerWeek: 30 }), opening({ type: 'wage_subsidy' }))).toEqual([]);
    // Unknown hours do not exclude; the hours component counts them as half.
    expect(codes(resident({ hoursPerWeek: null }), opening())).toEqual([]);
  });

  it('never proposes the same person twice to an opening', () => {
    const c = context({ proposedPairs: new Set([pairKey('r1', 'o1')]) });
    expect(codes(resident(), opening(), c)).toEqual(['already_proposed']);
    expect(codes(resident(), opening({ id: 'o2' }), c)).toEqual([]);
  });

  it("keeps a company's decline in the same occupation for the quarantine, and no longer", () => {
    const declined = (declinedOn: string, occupationId = 'toemrer') =>
      context({ declines: [{ residentId: 'r1', companyId: 'c1', occupationId, declinedOn }] });
    expect(codes(resident(), opening(), declined('2026-05-26'))).toEqual(['declined_recently']);
    expect(codes(resident(), opening(), declined('2026-05-25'))).toEqual([]);
    expect(codes(resident(), opening(), declined('2026-11-01', 'murer'))).toEqual([]);
    expect(codes(resident(), opening({ companyId: 'c2' }), declined('2026-11-01'))).toEqual([]);
    const off = context({
      settings: { ...DEFAULT_MATCH_SETTINGS, declineQuarantineMonths: 0 },
      declines: [{ residentId: 'r1', companyId: 'c1', occupationId: 'toemrer', declinedOn: TODAY }],
    });
    expect(codes(resident(), opening(), off)).toEqual([]);
  });

  it('reports every filter a person fails, in order', () => {
    const r = resident({ consentToMatch: false, status: 'moved', hoursPerWeek: 5 });
    expect(codes(r, opening())).toEqual(['no_consent', 'status', 'hours']);
  });
});

describe('score components', () => {
  it('scores occupation fit through the ISCO-08 hierarchy, discounted by the wish rank', () => {
    const fitFor = (occupationIds: string[]) => occupationScore(resident({ occupationIds }), opening()).value;
    expect(fitFor(['toemrer'])).toBe(1);
    expect(fitFor(['bygningssnedker'])).toBe(1); // same unit group 7115
    expect(fitFor(['murer'])).toBeCloseTo(0.7); // 7112: same minor group 711
    expect(fitFor(['flisemurer'])).toBeCloseTo(0.4); // 7122: same sub-major group 71
    expect(fitFor(['snedker'])).toBe(0); // 7522
    expect(fitFor(['snedker', 'toemrer'])).toBeCloseTo(0.85);
    expect(fitFor(['murer', 'toemrer'])).toBeCloseTo(0.85); // 2nd wish exact beats 1st wish related
    expect(fitFor([])).toBe(0);
    expect(occupationScore(resident(), opening()).reason).toBe('Interesseret i tømrer – samme fag');
    expect(occupationScore(resident({ occupationIds: ['snedker', 'murer'] }), opening()).reason).toBe(
      'Interesseret i murer (2. ønske) – beslægtet fag',
    );
  });

  it('counts the skills the opening names, accent- and case-insensitively', () => {
    const o = opening({ skills: ['Truckcertifikat', 'Førstehjælp', 'Stillads'] });
    const s = skillsScore(resident({ skills: ['truckcertifikat', 'førstehjælp'] }), o);
    expect(s.value).toBeCloseTo(2 / 3);
    expect(s.reason).toBe('Har 2 af 3 kompetencer: Truckcertifikat, Førstehjælp');
    expect(skillsScore(resident(), opening()).value).toBeNull();
  });

  it('scores hours and schedule with the reason in numbers', () => {
    const s = hoursScore(resident({ hoursPerWeek: 30 }), opening());
    expect(s.reason).toBe('Kan 30 timer/uge – jobbet er 37');
    expect(s.value).toBeCloseTo(0.7 * (30 / 37) + 0.3);
    const evening = hoursScore(resident(), opening({ scheduleEvening: true, scheduleWeekend: true }));
    expect(evening.value).toBeCloseTo(0.7 + 0.3 / 3);
    expect(evening.reason).toBe('Kan 37 timer/uge – jobbet er 37; kan ikke aftener og weekender');
    expect(hoursScore(resident({ hoursPerWeek: null }), opening()).value).toBeCloseTo(0.65);
  });

  it('ranks proximity area > city > municipality > elsewhere', () => {
    const c = context();
    const p = (o: Partial<TMatchOpening>) => proximityScore(resident(), opening(o), c);
    expect(p({})).toMatchObject({ value: 1, reason: 'Bor i Houlkærvænget – samme område som jobbet' });
    expect(p({ housingAreaId: 'a-other' })).toMatchObject({
      value: 0.7,
      reason: 'Bor i Houlkærvænget – samme by',
    });
    expect(p({ housingAreaId: null, postalCode: '8830' })).toMatchObject({ value: 0.4 });
    expect(p({ housingAreaId: null, postalCode: '8000', municipalityId: 'm-aarhus' })).toMatchObject({
      value: 0.1,
      reason: 'Bor i Houlkærvænget – en anden kommune',
    });
  });

  it('fits target group 1 to ordinary jobs and group 2 to small jobs and trials', () => {
    const value = (targetGroup: 1 | 2 | null, type: TMatchOpening['type']) =>
      readinessScore(resident({ targetGroup }), opening({ type })).value;
    expect(value(1, 'apprentice')).toBe(1);
    expect(value(2, 'full_time')).toBe(0.3);
    expect(value(2, 'small_job')).toBe(1);
    expect(value(2, 'site_trial')).toBe(1);
    expect(value(2, 'helper_job')).toBe(1);
    expect(value(1, 'work_trial')).toBe(0.7);
    expect(value(null, 'full_time')).toBe(0.5);
    expect(value(1, 'leisure_job')).toBeNull();
  });

  it('lowers the start-date fit per day late, to zero at eight weeks', () => {
    expect(startDateScore(resident(), opening()).value).toBe(1);
    expect(startDateScore(resident({ availableFrom: '2027-01-04' }), opening()).value).toBe(1);
    const late = startDateScore(resident({ availableFrom: '2027-02-01' }), opening());
    expect(late.value).toBeCloseTo(1 - 28 / 56);
    expect(late.reason).toBe('Kan først starte 01.02.2027 – 28 dage efter jobstart');
    expect(startDateScore(resident({ availableFrom: '2027-06-01' }), opening()).value).toBe(0);
  });

  it('favours a long wait and holds back people with proposals under way', () => {
    const c = context();
    expect(fairnessScore(resident({ waitingSince: '2026-05-29' }), c).value).toBe(1);
    expect(fairnessScore(resident({ waitingSince: '2026-10-26' }), c).value).toBeCloseTo(30 / 180);
    const busy = fairnessScore(resident({ waitingSince: '2026-01-01', activeProposals: 2 }), c);
    expect(busy.value).toBeCloseTo(0.5);
    expect(busy.reason).toBe('Har ventet 10 måneder på et forslag; har 2 forslag i gang');
  });
});

describe('scorePair', () => {
  it('is the weighted mean of the applicable components, with each weight shown', () => {
    const m = scorePair(resident({ hoursPerWeek: 30 }), opening({ type: 'wage_subsidy' }), context());
    const applicable = m.components.filter((c) => c.value !== null);
    const weight = applicable.reduce((s, c) => s + c.weight, 0);
    const expected = applicable.reduce((s, c) => s + (c.value ?? 0) * c.weight, 0) / weight;
    expect(m.score).toBeCloseTo(expected, 10);
    expect(m.components.find((c) => c.component === 'skills')).toMatchObject({
      value: null,
      contribution: 0,
    });
    expect(m.components.map((c) => c.weight)).toEqual([0.3, 0.1, 0.15, 0.1, 0.15, 0.05, 0.15]);
    expect(m.reasons[0]).toBe('Interesseret i tømrer – samme fag');
    expect(m.reasons).toContain('Kan 30 timer/uge – jobbet er 37');
  });

  it('follows the partnership’s weights', () => {
    const onlyProximity = ZMatchSettings.parse({
      ...DEFAULT_MATCH_SETTINGS,
      weights: { occupation: 0, skills: 0, hours: 0, proximity: 1, readiness: 0, startDate: 0, fairness: 0 },
    });
    const m = scorePair(
      resident({ occupationIds: [] }),
      opening({ housingAreaId: null, postalCode: '8830' }),
      context({ settings: onlyProximity }),
    );
    expect(m.score).toBeCloseTo(0.4);
  });

  it('refuses weights that are all zero or outside 0-1, in Danish', () => {
    const zero = {
      occupation: 0,
      skills: 0,
      hours: 0,
      proximity: 0,
      readiness: 0,
      startDate: 0,
      fairness: 0,
    };
    const result = ZMatchSettings.safeParse({ ...DEFAULT_MATCH_SETTINGS, weights: zero });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Mindst én vægt skal være større end 0.');
    expect(
      ZMatchSettings.safeParse({ ...DEFAULT_MATCH_SETTINGS, weights: { ...zero, skills: 2 } }).success,
    ).toBe(false);
  });
});

describe('both directions', () => {
  it('ranks the candidates of an opening and summarises who is left out by first reason', () => {
    const people = [
      resident({ id: 'best' }),
      resident({ id: 'related', occupationIds: ['murer'] }),
      ...Array.from({ length: 14 }, (_, i) => resident({ id: `nc${i}`, consentToMatch: false })),
      ...Array.from({ length: 3 }, (_, i) => resident({ id: `young${i}`, birthDate: '2012-02-01' })),
      resident({ id: 'both', consentToMatch: false, birthDate: '2012-02-01' }),
    ];
    const result = candidatesForOpening(opening({ type: 'site_trial' }), people, context());
    expect(result.candidates.map((c) => c.residentId)).toEqual(['best', 'related']);
    expect(result.excluded).toHaveLength(18);
    expect(result.summary.map((s) => s.label)).toEqual([
      '15 uden samtykke til virksomheder',
      '3 under 15 år',
    ]);
  });

  it('breaks ties by the longer wait, then the id, whatever the input order', () => {
    const a = resident({ id: 'a', waitingSince: '2026-01-01' });
    const b = resident({ id: 'b', waitingSince: '2025-12-01' });
    const c = resident({ id: 'c', waitingSince: '2025-12-01' });
    const order = (list: TMatchResident[]) =>
      candidatesForOpening(opening(), list, context()).candidates.map((m) => m.residentId);
    expect(order([a, b, c])).toEqual(['b', 'c', 'a']);
    expect(order([c, a, b])).toEqual(['b', 'c', 'a']);
  });

  it('lists the openings a resident fits, best first, and the others with reasons', () => {
    const openings = [
      opening({ id: 'far', housingAreaId: null, postalCode: '8000', municipalityId: 'm-aarhus' }),
      opening({ id: 'near' }),
      opening({ id: 'licence', driverLicence: 'C' }),
    ];
    const result = openingsForResident(resident(), openings, context());
    expect(result.openings.map((m) => m.openingId)).toEqual(['near', 'far']);
    expect(result.excluded).toEqual([
      {
        residentId: 'r1',
        openingId: 'licence',
        exclusions: [expect.objectContaining({ code: 'driver_licence' })],
      },
    ]);
  });
});
