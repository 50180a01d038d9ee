import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OCCUPATIONS } from '../occupations.ts';
import { DRIVER_LICENCES } from '../opening.schema.ts';
import { OPENING_TYPES } from '../opening-types.ts';
import { exclusionsFor } from './hard-filters.ts';
import { candidatesForOpening, scorePair } from './match.ts';
import { ResidentMatchIndex } from './match-index.ts';
import { pairKey, type TMatchContext, type TMatchOpening, type TMatchResident } from './match-inputs.ts';
import { DEFAULT_MATCH_SETTINGS, SCORE_COMPONENTS, type TMatchWeights } from './matching-settings.ts';

// Properties the matching must keep for any input (issue 5, tests): fast-check generates people
// and openings across the whole input space and shrinks a failure to a small example.

const TODAY = '2026-11-25';
const AREAS = ['a1', 'a2', 'a3'];
const SKILLS = ['Truckcertifikat', 'Førstehjælp', 'Stillads', 'Kasseapparat', 'Rengøring', 'Svejsning'];
const occupationIds = OCCUPATIONS.slice(0, 40).map((o) => o.id);

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoBetween = (from: string, to: string) =>
  fc
    .integer({ min: dayOf(from), max: dayOf(to) })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const isoDate = (from: number, to: number) => isoBetween(`${from}-01-01`, `${to}-12-31`);

const arbResident: fc.Arbitrary<TMatchResident> = fc.record({
  id: fc.uuid(),
  birthDate: isoDate(1960, 2013),
  status: fc.constantFrom('active', 'paused', 'in_job', 'in_education', 'moved', 'closed'),
  consentToMatch: fc.boolean(),
  municipalityId: fc.constantFrom('m1', 'm2'),
  housingAreaId: fc.option(fc.constantFrom(...AREAS), { nil: null }),
  postalCode: fc.constantFrom('8800', '8830', '5000'),
  occupationIds: fc.uniqueArray(fc.constantFrom(...occupationIds), { maxLength: 3 }),
  skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 4 }),
  driverLicences: fc.uniqueArray(fc.constantFrom(...DRIVER_LICENCES), { maxLength: 2 }),
  danishLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  hoursPerWeek: fc.option(fc.integer({ min: 1, max: 48 }), { nil: null }),
  availableDay: fc.boolean(),
  availableEvening: fc.boolean(),
  availableWeekend: fc.boolean(),
  targetGroup: fc.constantFrom(1 as const, 2 as const, null),
  availableFrom: fc.option(isoBetween('2027-01-01', '2027-04-30'), { nil: null }),
  waitingSince: fc.oneof(isoBetween('2024-01-01', TODAY), isoBetween('2026-06-01', TODAY)),
  activeProposals: fc.integer({ min: 0, max: 3 }),
});

const arbOpening: fc.Arbitrary<TMatchOpening> = fc.record({
  id: fc.uuid(),
  companyId: fc.constantFrom('c1', 'c2'),
  type: fc.constantFrom(...OPENING_TYPES),
  occupationId: fc.constantFrom(...occupationIds),
  skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
  hoursPerWeek: fc.integer({ min: 1, max: 48 }),
  minHoursPerWeek: fc.option(fc.integer({ min: 1, max: 48 }), { nil: null }),
  scheduleDay: fc.boolean(),
  scheduleEvening: fc.boolean(),
  scheduleWeekend: fc.boolean(),
  endTime: fc.option(fc.constantFrom('17:00', '20:00', '23:00'), { nil: null }),
  startDate: isoBetween('2026-12-01', '2027-03-31'),
  municipalityId: fc.constantFrom('m1', 'm2'),
  housingAreaId: fc.option(fc.constantFrom(...AREAS), { nil: null }),
  postalCode: fc.constantFrom('8800', '8830', '5000'),
  driverLicence: fc.option(fc.constantFrom(...DRIVER_LICENCES), { nil: null }),
  minDanishLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  minAge: fc.constant(null),
  maxAge: fc.constant(null),
  activeProposals: fc.integer({ min: 0, max: 3 }),
});

/** Someone who passes the usual filters, so that the top list fills and its shortcuts are used. */
const arbEligibleResident: fc.Arbitrary<TMatchResident> = fc
  .tuple(arbResident, isoDate(1965, 2000))
  .map(([r, birthDate]) => ({
    ...r,
    birthDate,
    consentToMatch: true,
    status: 'active' as const,
    driverLicences: ['CE', 'D'],
    danishLevel: 5,
  }));

const arbWeights: fc.Arbitrary<TMatchWeights> = fc
  .tuple(...SCORE_COMPONENTS.map(() => fc.double({ min: 0, max: 1, noNaN: true })))
  .filter((values) => values.some((v) => v > 0))
  .map((values) => Object.fromEntries(SCORE_COMPONENTS.map((c, i) => [c, values[i]])) as TMatchWeights);

function contextWith(weights: TMatchWeights = DEFAULT_MATCH_SETTINGS.weights): TMatchContext {
  return {
    today: TODAY,
    settings: { ...DEFAULT_MATCH_SETTINGS, weights },
    proposedPairs: new Set(),
    declines: [],
    areaNames: { a1: 'Houlkærvænget', a2: 'Ellekær', a3: 'Vollsmose' },
  };
}

describe('matching properties', () => {
  it('never ranks a resident that a hard filter excludes, and ranks everyone else', () => {
    fc.assert(
      fc.property(fc.array(arbResident, { maxLength: 25 }), arbOpening, (residents, opening) => {
        const context = contextWith();
        const result = candidatesForOpening(opening, residents, context);
        const ranked = new Set(result.candidates.map((c) => c.residentId));
        for (const r of residents) {
          expect(ranked.has(r.id)).toBe(exclusionsFor(r, opening, context).length === 0);
        }
        expect(result.candidates.length + result.excluded.length).toBe(residents.length);
        expect(result.summary.reduce((s, line) => s + line.count, 0)).toBe(result.excluded.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every component and the total in [0, 1], for any weights', () => {
    fc.assert(
      fc.property(arbResident, arbOpening, arbWeights, (resident, opening, weights) => {
        const m = scorePair(resident, opening, contextWith(weights));
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1 + 1e-12);
        for (const c of m.components) {
          if (c.value !== null) {
            expect(c.value).toBeGreaterThanOrEqual(0);
            expect(c.value).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lowers a score when the resident gains a skill the opening asks for', () => {
    fc.assert(
      fc.property(arbResident, arbOpening, arbWeights, (resident, opening, weights) => {
        const missing = opening.skills.filter((s) => !resident.skills.includes(s));
        fc.pre(missing.length > 0);
        const context = contextWith(weights);
        const before = scorePair(resident, opening, context).score;
        const after = scorePair(
          { ...resident, skills: [...resident.skills, missing[0]!] },
          opening,
          context,
        ).score;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever gender, ethnicity, health or benefit group a record also carries', () => {
    const arbProtected = fc.record({
      gender: fc.constantFrom('woman', 'man', 'other', null),
      ethnicity: fc.string(),
      religion: fc.string(),
      supportNeeds: fc.array(fc.constantFrom('childcare', 'transport', 'language', 'health')),
      benefitGroup: fc.constantFrom('kontanthjaelp', 'dagpenge', null),
    });
    fc.assert(
      fc.property(arbResident, arbOpening, arbProtected, arbProtected, (resident, opening, p1, p2) => {
        const context = contextWith();
        const a = candidatesForOpening(opening, [{ ...resident, ...p1 } as TMatchResident], context);
        const b = candidatesForOpening(opening, [{ ...resident, ...p2 } as TMatchResident], context);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('excludes a pair once it has been proposed', () => {
    fc.assert(
      fc.property(arbResident, arbOpening, (resident, opening) => {
        const context = { ...contextWith(), proposedPairs: new Set([pairKey(resident.id, opening.id)]) };
        const result = candidatesForOpening(opening, [resident], context);
        expect(result.candidates).toEqual([]);
        expect(result.excluded[0]?.exclusions.map((e) => e.code)).toContain('already_proposed');
      }),
      { numRuns: 100 },
    );
  });

  it('ranks through the index exactly as the reference does: same people, order, scores and summary', () => {
    fc.assert(
      fc.property(
        fc.array(arbResident, { maxLength: 60 }),
        arbOpening,
        arbWeights,
        fc.integer({ min: 1, max: 12 }),
        (residents, opening, weights, limit) => {
          const context = contextWith(weights);
          const index = new ResidentMatchIndex();
          for (const r of residents) index.upsert(r);
          const fast = index.rank(opening, context, limit);
          const reference = candidatesForOpening(opening, residents, context);
          expect(fast.candidates).toEqual(reference.candidates.slice(0, limit));
          expect(fast.scanScores).toEqual(fast.candidates.map((c) => c.score));
          expect(fast.candidateCount).toBe(reference.candidates.length);
          expect(fast.excludedCount).toBe(reference.excluded.length);
          expect(fast.summary).toEqual(reference.summary);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ranks through the index exactly as the reference when the top list is full most of the scan', () => {
    // Many eligible people and a short list: the scan's estimate and occupation bound decide most.
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbEligibleResident, arbResident), { minLength: 20, maxLength: 80 }),
        arbOpening,
        fc.oneof(arbWeights, fc.constant(DEFAULT_MATCH_SETTINGS.weights)),
        fc.integer({ min: 1, max: 5 }),
        (residents, opening, weights, limit) => {
          const context = contextWith(weights);
          const index = new ResidentMatchIndex();
          for (const r of residents) index.upsert(r);
          const fast = index.rank(opening, context, limit);
          const reference = candidatesForOpening(opening, residents, context);
          expect(fast.candidates).toEqual(reference.candidates.slice(0, limit));
          expect(fast.scanScores).toEqual(fast.candidates.map((c) => c.score));
          expect(fast.candidateCount).toBe(reference.candidates.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks through the index exactly as the reference with proposals and declines, given either way', () => {
    const arbCase = fc
      .tuple(fc.array(arbResident, { minLength: 1, maxLength: 50 }), arbOpening)
      .chain(([residents, opening]) =>
        fc.record({
          residents: fc.constant(residents),
          opening: fc.constant(opening),
          // Per resident: 0 nothing, 1 proposed to this opening, 2 to another, 3 declined here.
          marks: fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: residents.length,
            maxLength: residents.length,
          }),
          declinedOn: fc.array(isoBetween('2025-11-01', TODAY), {
            minLength: residents.length,
            maxLength: residents.length,
          }),
          limit: fc.integer({ min: 0, max: 12 }),
        }),
      );
    fc.assert(
      fc.property(arbCase, ({ residents, opening, marks, declinedOn, limit }) => {
        const proposedHere = residents.filter((_, i) => marks[i] === 1).map((r) => r.id);
        const context: TMatchContext = {
          ...contextWith(),
          proposedPairs: new Set([
            ...proposedHere.map((id) => pairKey(id, opening.id)),
            ...residents.filter((_, i) => marks[i] === 2).map((r) => pairKey(r.id, 'another-opening')),
          ]),
          declines: residents.flatMap((r, i) =>
            marks[i] === 3
              ? [
                  {
                    residentId: r.id,
                    companyId: opening.companyId,
                    occupationId: opening.occupationId,
                    declinedOn: declinedOn[i]!,
                  },
                ]
              : [],
          ),
        };
        const index = new ResidentMatchIndex();
        for (const r of residents) index.upsert(r);
        const reference = candidatesForOpening(opening, residents, context);
        const viaPairs = index.rank(opening, context, limit);
        const viaIds = index.rank(
          opening,
          // The per-opening set alone: the index must not need the pairs for this opening.
          { ...context, proposedPairs: new Set(), proposedResidentIds: new Set(proposedHere) },
          limit,
        );
        for (const fast of [viaPairs, viaIds]) {
          expect(fast.candidates).toEqual(reference.candidates.slice(0, limit));
          expect(fast.scanScores).toEqual(fast.candidates.map((c) => c.score));
          expect(fast.candidateCount).toBe(reference.candidates.length);
          expect(fast.excludedCount).toBe(reference.excluded.length);
          expect(fast.summary).toEqual(reference.summary);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts skills exactly however many tags there are and however the opening spells them', () => {
    // More than 32 distinct tags (past the bit mask) and repeated or re-cased tags in the opening.
    const TAGS = Array.from({ length: 45 }, (_, i) => `Kompetence ${i}`);
    const arbOpeningTags = fc.shuffledSubarray(TAGS, { minLength: 3, maxLength: 3 }).chain((focus) =>
      fc.array(
        fc.constantFrom(...focus).chain((t) => fc.constantFrom(t, t.toUpperCase(), ` ${t} `)),
        { maxLength: 5 },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            arbEligibleResident,
            // Each tag with even odds, so that tags past the first 32 are common.
            fc.array(fc.boolean(), { minLength: TAGS.length, maxLength: TAGS.length }),
          ),
          { maxLength: 40 },
        ),
        arbOpening,
        arbOpeningTags,
        fc.integer({ min: 1, max: 10 }),
        (pairs, baseOpening, tags, limit) => {
          const residents = pairs.map(([r, has]) => ({ ...r, skills: TAGS.filter((_, i) => has[i]) }));
          const opening = { ...baseOpening, skills: tags };
          // Skills weigh heavily here, so a miscount shows in the order as well as in the score.
          const context = contextWith({ ...DEFAULT_MATCH_SETTINGS.weights, skills: 0.6 });
          const index = new ResidentMatchIndex();
          for (const r of residents) index.upsert(r);
          const fast = index.rank(opening, context, limit);
          expect(fast.candidates).toEqual(
            candidatesForOpening(opening, residents, context).candidates.slice(0, limit),
          );
          expect(fast.scanScores).toEqual(fast.candidates.map((c) => c.score));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays equal to a fresh rebuild after random upserts and removals', () => {
    const arbChange = fc.oneof(
      arbResident.map((r) => ({ kind: 'upsert' as const, r })),
      fc.nat().map((n) => ({ kind: 'remove' as const, n })),
      fc.tuple(fc.nat(), arbResident).map(([n, r]) => ({ kind: 'change' as const, n, r })),
    );
    fc.assert(
      fc.property(fc.array(arbChange, { maxLength: 80 }), arbOpening, (changes, opening) => {
        const index = new ResidentMatchIndex();
        const truth = new Map<string, TMatchResident>();
        for (const change of changes) {
          const ids = [...truth.keys()];
          if (change.kind === 'upsert') {
            index.upsert(change.r);
            truth.set(change.r.id, change.r);
          } else if (ids.length > 0) {
            const id = ids[change.n % ids.length]!;
            if (change.kind === 'remove') {
              index.remove(id);
              truth.delete(id);
            } else {
              const changed = { ...change.r, id };
              index.upsert(changed);
              truth.set(id, changed);
            }
          }
        }
        const fresh = new ResidentMatchIndex();
        for (const r of truth.values()) fresh.upsert(r);
        expect(index.size).toBe(truth.size);
        const context = contextWith();
        expect(index.rank(opening, context, 20)).toEqual(fresh.rank(opening, context, 20));
        expect(index.rank(opening, context, 20).candidates).toEqual(
          candidatesForOpening(opening, [...truth.values()], context).candidates.slice(0, 20),
        );
      }),
      { numRuns: 200 },
    );
  });
});
