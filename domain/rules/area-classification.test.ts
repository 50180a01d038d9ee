import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_RULES,
  classificationInputSchema,
  classificationInputSchemaFor,
  classifyArea,
  criteriaListDa,
  findClassificationRules,
  type TAreaClassificationInput,
  type TClassificationRules,
  ZAreaClassificationInput,
  ZClassificationRules,
} from './area-classification.ts';

const RULES_2019 = CLASSIFICATION_RULES[2019]!;

function measureOf(rules: TClassificationRules, id: number): string {
  const criterion = rules.criteria.find((c) => c.id === id);
  if (!criterion) throw new Error(`no criterion ${id}`);
  return criterion.measure;
}

// Values that meet no 2019 criterion; each test sets the ones it is about.
const CALM: Record<number, number | null> = { 1: 20, 2: 30, 3: 90, 4: 1, 5: 10 };

function input(
  byCriterion: Record<number, number | null>,
  over: Partial<Omit<TAreaClassificationInput, 'values'>> = {},
  rules: TClassificationRules = RULES_2019,
): TAreaClassificationInput {
  const merged = { ...CALM, ...byCriterion };
  const values: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(merged)) values[measureOf(rules, Number(id))] = value;
  return { year: rules.year, residents: 2500, yearsOnList: 0, values, ...over };
}

const classify = (...args: Parameters<typeof input>) => classifyArea(input(...args), args[2] ?? RULES_2019);

describe('the 2019 rules as data (seed 002, "Ghettolistens kriterier")', () => {
  it('hold the five criteria with the thresholds and directions the seed words them in', () => {
    expect(RULES_2019.criteria.map((c) => [c.id, c.unit, c.comparison, c.threshold])).toEqual([
      [1, 'percent_share', 'gt', 40], // "overstiger 40 pct."
      [2, 'percent_share', 'gt', 60], // "overstiger 60 pct."
      [3, 'percent_of_reference', 'lt', 55], // "udgør mindre end 55 pct. af ... regionen"
      [4, 'multiple_of_reference', 'gte', 3], // "udgør mindst 3 gange landsgennemsnittet"
      [5, 'percent_share', 'gt', 50], // "overstiger 50 pct."
    ]);
    expect(RULES_2019.minimumResidents).toMatchObject({ threshold: 1000, comparison: 'gte' });
    expect(RULES_2019.criteria[0]?.labelDa).toContain(
      'overstiger 40 pct. opgjort som gennemsnit over de seneste 2 år',
    );
    expect(RULES_2019.categories.map((c) => c.key)).toEqual(['hard_ghetto', 'ghetto', 'vulnerable']);
    expect(ZClassificationRules.safeParse(RULES_2019).success).toBe(true);
  });

  it('are found by their exact year only', () => {
    expect(findClassificationRules(2019)).toBe(RULES_2019);
    expect(findClassificationRules(2020)).toBeNull();
  });
});

describe('classifyArea on the seed’s own figures: Sundparken, Horsens', () => {
  // Seed 002: "Hele 47,8 pct. af beboerne i alderen 18-64 år står udenfor arbejdsmarkedet og 78,4 pct. af
  // beboerne i alderen 30-59 år har kun grundskole uddannelse" (beboerdata maj 2019). The seed gives no
  // other criterion values and no resident count; an area on the list has at least 1.000 residents, and
  // "kategoriseres som en hård ghetto" means at least 4 years on the list.
  const sundparken = input(
    { 1: 47.8, 2: 78.4, 3: null, 4: null, 5: null },
    { residents: 1000, yearsOnList: 4 },
  );

  it('meets criteria 1 and 2 and is at least a vulnerable area, by the margins the seed’s figures give', () => {
    const result = classifyArea(sundparken, RULES_2019);
    expect(result.category).toBe('vulnerable');
    expect(result.categoryLabelDa).toBe('udsat boligområde');
    expect(result.metCriteria).toEqual([1, 2]);
    expect(result.decisiveCriteria).toEqual([1, 2]);
    expect(result.criteria.map((c) => [c.id, c.met, c.margin])).toEqual([
      [1, true, 7.8],
      [2, true, 18.4],
      [3, null, null],
      [4, null, null],
      [5, null, null],
    ]);
    expect(result.explanationDa).toContain(
      'Kriterie 1 opfyldt: 47,8 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet eller uddannelse – kravet er over 40 %; 7,8 procentpoint over grænsen.',
    );
    expect(result.explanationDa).toContain(
      'Kriterie 2 opfyldt: 78,4 % af de 30-59-årige har alene en grundskoleuddannelse – kravet er over 60 %; 18,4 procentpoint over grænsen.',
    );
    expect(result.explanationDa).toContain(
      'Afgørende: kriterierne 1 og 2 – uden ét af dem ville området ikke være udsat boligområde.',
    );
  });

  it('says the missing criteria could make it the hard ghetto area the seed says it is', () => {
    const result = classifyArea(sundparken, RULES_2019);
    expect(result.certain).toBe(false);
    expect(result.highestPossibleCategory).toBe('hard_ghetto');
    expect(result.explanationDa).toContain(
      'Kriterierne 3-5 er ikke oplyst og tælles som ikke opfyldt: området er mindst udsat boligområde og kan være op til hårdt ghettoområde.',
    );
    expect(result.explanationDa).toContain('Ikke ghettoområde: kriterie 5 er ikke oplyst.');
    expect(result.explanationDa).toContain(
      'Udsat boligområde: 2 af kriterierne 1-4 er opfyldt (der kræves mindst 2; kriterierne 3 og 4 er ikke oplyst).',
    );
    expect(result.explanationDa).toContain(
      'Kriterie 5 ikke oplyst: andel indvandrere og efterkommere fra ikkevestlige lande – kravet er over 50 %.',
    );
  });

  it('is a vulnerable area for certain when the other criteria are known and not met', () => {
    const result = classify({ 1: 47.8, 2: 78.4 }, { residents: 1000 });
    expect(result).toMatchObject({
      category: 'vulnerable',
      certain: true,
      highestPossibleCategory: 'vulnerable',
    });
    expect(result.explanationDa[0]).toBe('Udsat boligområde efter ghettolistens kriterier 2019.');
  });
});

describe('classifyArea: the categories', () => {
  it('does not make an area vulnerable on criterion 5 alone', () => {
    const result = classify({ 5: 80 });
    expect(result.metCriteria).toEqual([5]);
    expect(result.category).toBe('none');
    expect(result.categoryLabelDa).toBe('ikke på listen');
    expect(result.decisiveCriteria).toEqual([]);
    expect(result.explanationDa).toContain(
      'Ikke udsat boligområde: ingen af kriterierne 1-4 er opfyldt (der kræves mindst 2).',
    );
  });

  it('needs two of criteria 1-4: one is not enough', () => {
    expect(classify({ 3: 40 }).category).toBe('none');
    expect(classify({ 3: 40 }).explanationDa).toContain(
      'Ikke udsat boligområde: kun 1 af kriterierne 1-4 er opfyldt (der kræves mindst 2).',
    );
    expect(classify({ 3: 40, 4: 3.5 }).category).toBe('vulnerable');
  });

  it('makes a ghetto area only with criterion 5 on top of two of criteria 1-4', () => {
    expect(classify({ 1: 45, 2: 65 }).category).toBe('vulnerable');
    expect(classify({ 1: 45, 5: 60 }).category).toBe('none');
    const ghetto = classify({ 1: 45, 2: 65, 5: 60 });
    expect(ghetto.category).toBe('ghetto');
    expect(ghetto.decisiveCriteria).toEqual([1, 2, 5]);
    expect(ghetto.explanationDa).toContain(
      'Ghettoområde: 2 af kriterierne 1-4 er opfyldt (der kræves mindst 2), og kriterie 5 er opfyldt.',
    );
    expect(classify({ 1: 45, 2: 65 }).explanationDa).toContain(
      'Ikke ghettoområde: kriterie 5 er ikke opfyldt.',
    );
  });

  it('makes a hard ghetto area only after at least 4 years on the list', () => {
    const ghettoValues = { 1: 45, 2: 65, 5: 60 };
    const three = classify(ghettoValues, { yearsOnList: 3 });
    expect(three.category).toBe('ghetto');
    expect(three.explanationDa).toContain(
      'Ikke hårdt ghettoområde: området har stået på ghettolisten 3 år i træk (der kræves mindst 4).',
    );
    const four = classify(ghettoValues, { yearsOnList: 4 });
    expect(four.category).toBe('hard_ghetto');
    expect(four.categoryLabelDa).toBe('hårdt ghettoområde');
    expect(four.explanationDa).toContain(
      'Hårdt ghettoområde: området er ghettoområde, og området har stået på ghettolisten 4 år i træk (der kræves mindst 4).',
    );
    expect(classify(ghettoValues, { yearsOnList: 12 }).category).toBe('hard_ghetto');
  });

  it('does not make a hard ghetto area of years alone: it must meet the ghetto criteria this year', () => {
    expect(classify({ 1: 45, 2: 65 }, { yearsOnList: 10 }).category).toBe('vulnerable');
    expect(classify({}, { yearsOnList: 10 }).category).toBe('none');
  });

  it('names only the criteria without which the category would fall', () => {
    // Three of criteria 1-4: dropping any one still leaves two, so none of them alone decides.
    const three = classify({ 1: 45, 2: 65, 3: 50 });
    expect(three.category).toBe('vulnerable');
    expect(three.qualifyingCriteria).toEqual([1, 2, 3]);
    expect(three.decisiveCriteria).toEqual([]);
    // With criterion 5 too, 5 alone decides ghetto against vulnerable.
    const hard = classify({ 1: 45, 2: 65, 3: 50, 5: 70 }, { yearsOnList: 6 });
    expect(hard.category).toBe('hard_ghetto');
    expect(hard.qualifyingCriteria).toEqual([1, 2, 3, 5]);
    expect(hard.decisiveCriteria).toEqual([5]);
    expect(hard.criteria.find((c) => c.id === 5)?.decisive).toBe(true);
    expect(hard.explanationDa).toContain(
      'Afgørende: kriterie 5 – uden det ville området ikke være hårdt ghettoområde.',
    );
  });
});

describe('classifyArea: thresholds exactly at the limit', () => {
  // [criterion, just below, at, just above, met below / at / above] as the seed words each limit.
  const cases: [number, number, number, number, [boolean, boolean, boolean]][] = [
    [1, 39.9, 40, 40.1, [false, false, true]], // "overstiger 40 pct." – strict
    [2, 59.9, 60, 60.1, [false, false, true]], // "overstiger 60 pct." – strict
    [3, 54.9, 55, 55.1, [true, false, false]], // "udgør mindre end 55 pct." – strict, below
    [4, 2.9, 3, 3.1, [false, true, true]], // "udgør mindst 3 gange" – inclusive
    [5, 49.9, 50, 50.1, [false, false, true]], // "overstiger 50 pct." – strict
  ];
  for (const [id, below, at, above, expected] of cases) {
    it(`criterion ${id}: ${below} / ${at} / ${above} → ${expected.join(' / ')}`, () => {
      const met = [below, at, above].map(
        (value) => classify({ [id]: value }).criteria.find((c) => c.id === id)?.met,
      );
      expect(met).toEqual(expected);
      expect(classify({ [id]: at }).criteria.find((c) => c.id === id)?.margin).toBe(0);
    });
  }

  it('says so in the explanation, with the signed margin in the criterion’s unit', () => {
    const atLimit = classify({ 1: 40, 4: 3 });
    expect(atLimit.explanationDa).toContain(
      'Kriterie 1 ikke opfyldt: 40,0 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet eller uddannelse – kravet er over 40 %; præcis på grænsen.',
    );
    expect(atLimit.explanationDa).toContain(
      'Kriterie 4 opfyldt: andelen af dømte på 18 år og derover er 3,0 gange landsgennemsnittet – kravet er mindst 3 gange; præcis på grænsen.',
    );
    const income = classify({ 3: 48.25 }).criteria.find((c) => c.id === 3);
    expect(income).toMatchObject({ met: true, margin: -6.75 });
    expect(income?.explanationDa).toBe(
      'Kriterie 3 opfyldt: bruttoindkomsten for de 15-64-årige er 48,25 % af regionens gennemsnit – kravet er under 55 %; 6,75 procentpoint under grænsen.',
    );
    expect(classify({ 4: 2.5 }).criteria.find((c) => c.id === 4)?.explanationDa).toContain(
      '0,5 gange under grænsen',
    );
  });

  it('needs at least 1.000 residents: 999 is on no list, 1.000 is classified', () => {
    const small = classify({ 1: 45, 2: 65 }, { residents: 999 });
    expect(small.category).toBe('none');
    expect(small.residents).toEqual({ count: 999, minimum: 1000, enough: false });
    expect(small.categoryByCriteria).toBe('vulnerable');
    expect(small.decisiveCriteria).toEqual([]);
    // The criteria are still evaluated: the seed says smaller areas are monitored on them.
    expect(small.metCriteria).toEqual([1, 2]);
    expect(small.explanationDa[0]).toBe(
      'Ikke på listen: området har 999 beboere, og kriterierne gælder kun for boligafdelinger med mindst 1.000 beboere.',
    );
    expect(small.explanationDa).toContain('Efter kriterierne alene ville området være udsat boligområde.');
    const enough = classify({ 1: 45, 2: 65 }, { residents: 1000 });
    expect(enough.category).toBe('vulnerable');
    expect(enough.residents.enough).toBe(true);
    expect(enough.explanationDa[1]).toBe(
      'Området har 1.000 beboere; kriterierne gælder for boligafdelinger med mindst 1.000 beboere.',
    );
  });
});

describe('versioned rules: another year classifies by its own data', () => {
  // A hypothetical later year (not real law): stricter thresholds, renamed categories, a sixth criterion
  // on a measure the 2019 rules also read, and a category that uses it. Data only, no code.
  const HYPOTHETICAL: TClassificationRules = ZClassificationRules.parse({
    ...RULES_2019,
    year: 2030,
    nameDa: 'Hypotetiske kriterier 2030',
    criteria: [
      ...RULES_2019.criteria.map((c) =>
        c.id === 1 ? { ...c, threshold: 50, comparison: 'gte' } : c.id === 2 ? { ...c, threshold: 80 } : c,
      ),
      { ...RULES_2019.criteria[4]!, id: 6, threshold: 30, labelDa: 'Andelen ... overstiger 30 pct.' },
    ],
    categories: [
      {
        key: 'transformation',
        labelDa: 'omdannelsesområde',
        sourceDa: 'Hypotetisk.',
        conditions: [
          { kind: 'category', category: 'parallel_society' },
          { kind: 'years_on_list', atLeast: 5, listDa: 'listen over parallelsamfund' },
        ],
      },
      {
        key: 'parallel_society',
        labelDa: 'parallelsamfund',
        sourceDa: 'Hypotetisk.',
        conditions: [
          { kind: 'criteria', criteria: [1, 2, 3, 4], atLeast: 2 },
          { kind: 'criteria', criteria: [5], atLeast: 1 },
        ],
      },
      {
        key: 'prevention',
        labelDa: 'forebyggelsesområde',
        sourceDa: 'Hypotetisk.',
        conditions: [
          { kind: 'criteria', criteria: [1, 2, 3, 4], atLeast: 1 },
          { kind: 'criteria', criteria: [6], atLeast: 1 },
        ],
      },
    ],
    noneLabelDa: 'ikke omfattet',
  });

  it('classifies the same figures differently under different thresholds and names', () => {
    const figures = { 1: 47.8, 2: 78.4, 5: 40 };
    expect(classify(figures).category).toBe('vulnerable');
    const later = classify(figures, {}, HYPOTHETICAL);
    expect(later.rulesYear).toBe(2030);
    expect(later.metCriteria).toEqual([6]); // 47,8 < 50 and 78,4 ≤ 80; 40 > 30 for the new criterion
    expect(later.category).toBe('none');
    expect(later.categoryLabelDa).toBe('ikke omfattet');
    // At the new limit of criterion 1, now inclusive ("mindst 50"), it is met.
    const atNewLimit = classify({ 1: 50, 5: 40 }, {}, HYPOTHETICAL);
    expect(atNewLimit.criteria.find((c) => c.id === 1)?.met).toBe(true);
    expect(atNewLimit.category).toBe('prevention');
    expect(atNewLimit.categoryLabelDa).toBe('forebyggelsesområde');
    expect(atNewLimit.explanationDa[0]).toBe('Forebyggelsesområde efter hypotetiske kriterier 2030.');
    const transformation = classify({ 1: 55, 3: 40, 5: 60 }, { yearsOnList: 5 }, HYPOTHETICAL);
    expect(transformation.category).toBe('transformation');
    expect(classify({ 1: 55, 3: 40, 5: 60 }, { yearsOnList: 4 }, HYPOTHETICAL).category).toBe(
      'parallel_society',
    );
  });

  it('validates inputs per year against that year’s rules', () => {
    const schema = classificationInputSchema({ 2019: RULES_2019, 2030: HYPOTHETICAL });
    expect(schema.safeParse(input({}, {}, HYPOTHETICAL)).success).toBe(true);
    expect(schema.safeParse(input({ 1: 47.8 })).success).toBe(true);
    const result = schema.safeParse({ ...input({}), year: 2021 });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Der findes ingen klassifikationsregler for 2021. Kendte år: 2019, 2030.',
    ]);
  });

  it('refuses rules that refer to unknown criteria or to a more severe category', () => {
    const unknownCriterion = ZClassificationRules.safeParse({
      ...RULES_2019,
      categories: [
        { ...RULES_2019.categories[2]!, conditions: [{ kind: 'criteria', criteria: [1, 9], atLeast: 1 }] },
      ],
    });
    expect(unknownCriterion.error?.issues.map((i) => i.message)).toEqual(['Ukendte kriterier: 9.']);
    const cycle = ZClassificationRules.safeParse({
      ...RULES_2019,
      categories: [...RULES_2019.categories].reverse(),
    });
    expect(cycle.success).toBe(false);
    const duplicate = ZClassificationRules.safeParse({
      ...RULES_2019,
      criteria: [...RULES_2019.criteria, RULES_2019.criteria[0]],
    });
    expect(duplicate.error?.issues.map((i) => i.message)).toEqual(['Kriterie 1 findes to gange.']);
  });
});

describe('ZAreaClassificationInput: Danish errors', () => {
  const valid = input({ 1: 47.8, 2: 78.4 }, { residents: 1000, yearsOnList: 4 });
  const messages = (value: unknown) =>
    ZAreaClassificationInput.safeParse(value).error?.issues.map((i) => i.message);
  const withValue = (id: number, value: unknown) => ({
    ...valid,
    values: { ...valid.values, [measureOf(RULES_2019, id)]: value },
  });

  it('accepts the limits of every range, null for a value not known, and an income above the region’s', () => {
    expect(ZAreaClassificationInput.parse(valid)).toEqual(valid);
    for (const [id, value] of [
      [1, 0],
      [1, 100],
      [3, 0],
      [3, 250],
      [4, 0],
      [4, 12.5],
      [5, null],
    ] as const) {
      expect(messages(withValue(id, value))).toBeUndefined();
    }
    expect(messages({ ...valid, residents: 0, yearsOnList: 50 })).toBeUndefined();
  });

  it('keeps shares within 0-100 %', () => {
    expect(messages(withValue(1, 100.1))).toEqual(['Kriterie 1 skal være en andel mellem 0 og 100 %.']);
    expect(messages(withValue(2, -0.1))).toEqual(['Kriterie 2 skal være en andel mellem 0 og 100 %.']);
    expect(messages(withValue(5, 101))).toEqual(['Kriterie 5 skal være en andel mellem 0 og 100 %.']);
  });

  it('keeps the income share and the multiple at 0 or more', () => {
    expect(messages(withValue(3, -1))).toEqual(['Kriterie 3 skal være en procentdel på 0 eller mere.']);
    expect(messages(withValue(4, -0.5))).toEqual(['Kriterie 4 skal være et antal gange på 0 eller mere.']);
  });

  it('says when a value is missing or not a number', () => {
    const { [measureOf(RULES_2019, 2)]: _dropped, ...withoutTwo } = valid.values;
    expect(messages({ ...valid, values: withoutTwo })).toEqual([
      'Kriterie 2 skal udfyldes eller markeres som ikke oplyst.',
    ]);
    expect(messages(withValue(1, '47,8'))).toEqual(['Kriterie 1 skal være et tal.']);
    expect(messages(withValue(1, Number.NaN))).toEqual(['Kriterie 1 skal være et tal.']);
  });

  it('wants residents as a whole number of 0 or more', () => {
    expect(messages({ ...valid, residents: 999.5 })).toEqual(['Antal beboere skal være et helt tal.']);
    expect(messages({ ...valid, residents: -1 })).toEqual(['Antal beboere kan ikke være negativt.']);
    expect(messages({ ...valid, residents: undefined })).toEqual(['Antal beboere skal udfyldes.']);
  });

  it('wants years on the list as a whole number from 0 to 50', () => {
    const yearsMessage = ['Antal år på listen skal være et helt tal mellem 0 og 50.'];
    expect(messages({ ...valid, yearsOnList: 51 })).toEqual(yearsMessage);
    expect(messages({ ...valid, yearsOnList: -1 })).toEqual(yearsMessage);
    expect(messages({ ...valid, yearsOnList: 2.5 })).toEqual(yearsMessage);
  });

  it('names the years there are rules for', () => {
    expect(messages({ ...valid, year: 2023 })).toEqual([
      'Der findes ingen klassifikationsregler for 2023. Kendte år: 2019.',
    ]);
    expect(messages({ ...valid, year: undefined })).toEqual(['Året skal udfyldes. Kendte år: 2019.']);
    expect(messages({ ...valid, year: '2019' })).toEqual(['Året skal være et helt tal. Kendte år: 2019.']);
    expect(messages(null)).toEqual(['Klassifikationsgrundlaget skal være et objekt.']);
    const oneYear = classificationInputSchemaFor(RULES_2019).safeParse({ ...valid, year: 2020 });
    expect(oneYear.error?.issues.map((i) => i.message)).toEqual(['Reglerne gælder for 2019.']);
  });

  it('reports every bad field at once', () => {
    const result = classificationInputSchemaFor(RULES_2019).safeParse({
      ...withValue(1, 140),
      residents: -5,
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'residents',
      `values.${measureOf(RULES_2019, 1)}`,
    ]);
  });
});

describe('criteriaListDa', () => {
  it('writes ranges and lists the Danish way', () => {
    expect(criteriaListDa([4, 1, 2, 3])).toBe('1-4');
    expect(criteriaListDa([1, 2])).toBe('1 og 2');
    expect(criteriaListDa([1, 2, 5])).toBe('1, 2 og 5');
    expect(criteriaListDa([5])).toBe('5');
  });
});
