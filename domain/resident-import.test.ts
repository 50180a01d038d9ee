import { describe, expect, it } from 'vitest';
import { fictionalJobcenterList, toCsv } from './resident-import.sample.ts';
import {
  automaticMapping,
  columnNames,
  importTemplateCsv,
  mapImportHeader,
  mappingProblems,
  normalisePostalCode,
  parseBenefitGroup,
  parseImportDate,
  parseJobcenterCategory,
  parseResidentStatus,
  planImport,
  proposeMapping,
  RESIDENT_IMPORT_FIELDS,
  rowsOf,
  type TExistingResident,
  type TImportArea,
  type TImportContext,
  type TImportRowCells,
  validateImportRow,
} from './resident-import.ts';

const TODAY = '2026-11-24';
const MUNICIPALITY = 'm-1';
const AREAS: TImportArea[] = [
  { id: 'a-kolstrup', name: 'Høje Kolstrup', postalCode: '6200' },
  { id: 'a-nord', name: 'Nørreport', postalCode: '6230' },
  { id: 'a-syd', name: 'Sønderport', postalCode: '6230' },
];

const good = (row: number, o: Partial<TImportRowCells['cells']> = {}): TImportRowCells => ({
  row,
  cells: {
    jobcenterRef: `JC-${row}`,
    firstName: 'Amina',
    lastName: `Hansen${row}`,
    birthDate: '17.05.1990',
    postalCode: '6200',
    ...o,
  },
});

const ctx = (existing: TExistingResident[] = []): TImportContext => ({
  today: TODAY,
  municipalityId: MUNICIPALITY,
  areas: AREAS,
  existing,
});

const existingPerson = (o: Partial<TExistingResident> = {}): TExistingResident => ({
  id: 'r-1',
  jobcenterRef: 'JC-2',
  firstName: 'Amina',
  lastName: 'Hansen2',
  birthDate: '1990-05-17',
  postalCode: '6200',
  housingAreaId: 'a-kolstrup',
  phone: null,
  email: null,
  benefitGroup: null,
  jobcenterCategory: null,
  status: 'active',
  municipalityId: MUNICIPALITY,
  anonymised: false,
  ...o,
});

describe('header matching', () => {
  it('maps Danish and English headers of jobcenter exports, with and without æøå', () => {
    expect(mapImportHeader('Fødselsdato')).toBe('birthDate');
    expect(mapImportHeader('foedselsdato')).toBe('birthDate');
    expect(mapImportHeader('Født')).toBe('birthDate');
    expect(mapImportHeader('Post nr.')).toBe('postalCode');
    expect(mapImportHeader('Sags-nr')).toBe('jobcenterRef');
    expect(mapImportHeader('Person reference')).toBe('jobcenterRef');
    expect(mapImportHeader('E-mail')).toBe('email');
    expect(mapImportHeader('Tlf.')).toBe('phone');
    expect(mapImportHeader('Boligafdeling')).toBe('housingArea');
    expect(mapImportHeader('Forsørgelsesgrundlag')).toBe('benefitGroup');
    expect(mapImportHeader('Målgruppe')).toBe('jobcenterCategory');
    expect(mapImportHeader('First name')).toBe('firstName');
    expect(mapImportHeader('Noget helt andet')).toBeNull();
  });

  it('never maps a CPR column, not even to the person reference', () => {
    expect(mapImportHeader('CPR')).toBeNull();
    expect(mapImportHeader('CPR-nr.')).toBeNull();
    expect(automaticMapping(['CPR-nummer', 'Fornavn']).jobcenterRef).toBeUndefined();
  });

  it('names blank headers, and maps each field to the first matching column', () => {
    const columns = columnNames(['\uFEFFID', '', 'Fornavn', 'Fornavn', 'Efternavn']);
    expect(columns).toEqual(['ID', 'Kolonne 2', 'Fornavn', 'Fornavn', 'Efternavn']);
    expect(automaticMapping(columns)).toEqual({
      jobcenterRef: 'ID',
      firstName: 'Fornavn',
      lastName: 'Efternavn',
    });
  });

  it('proposes the remembered mapping only when all its columns are in the file', () => {
    const remembered = { jobcenterRef: 'Løbenr.', firstName: 'Navn 1', lastName: 'Navn 2' };
    const same = proposeMapping(['Løbenr.', 'Navn 1', 'Navn 2', 'Postnr'], remembered);
    expect(same).toEqual({ mapping: remembered, source: 'remembered' });
    const other = proposeMapping(['Sagsnr', 'Fornavn', 'Efternavn'], remembered);
    expect(other.source).toBe('automatic');
    expect(other.mapping).toEqual({ jobcenterRef: 'Sagsnr', firstName: 'Fornavn', lastName: 'Efternavn' });
    expect(proposeMapping(['Fornavn'], null).source).toBe('automatic');
  });

  it('explains what is wrong with a mapping, per field', () => {
    const columns = ['ID', 'Fornavn', 'Efternavn', 'Født', 'Postnr'];
    expect(
      mappingProblems(
        {
          jobcenterRef: 'ID',
          firstName: 'Fornavn',
          lastName: 'Efternavn',
          birthDate: 'Født',
          postalCode: 'Postnr',
        },
        columns,
      ),
    ).toEqual({});
    const problems = mappingProblems(
      {
        jobcenterRef: 'ID',
        firstName: 'Fornavn',
        lastName: 'Fornavn',
        birthDate: 'Fødselsdag',
        phone: 'Tlf',
      },
      columns,
    );
    expect(problems).toEqual({
      lastName: 'Kolonnen er allerede valgt til fornavn.',
      birthDate: 'Kolonnen findes ikke i filen.',
      postalCode: 'Vælg den kolonne, der indeholder feltet.',
      phone: 'Kolonnen findes ikke i filen.',
    });
  });
});

describe('reading cells', () => {
  it('reads birth dates as jobcenters write them and refuses the rest', () => {
    expect(parseImportDate('17.05.1990')).toBe('1990-05-17');
    expect(parseImportDate('7-5-1990')).toBe('1990-05-07');
    expect(parseImportDate('07/05/1990')).toBe('1990-05-07');
    expect(parseImportDate('1990-05-17')).toBe('1990-05-17');
    expect(parseImportDate('29.02.2000')).toBe('2000-02-29');
    expect(parseImportDate('29.02.2001')).toBeNull();
    expect(parseImportDate('31.04.1990')).toBeNull();
    expect(parseImportDate('17.05.90')).toBeNull();
    expect(parseImportDate('17051990')).toBeNull();
    expect(parseImportDate('maj 1990')).toBeNull();
  });

  it('puts back the leading zero Excel drops from 0800-0999', () => {
    expect(normalisePostalCode('800')).toBe('0800');
    expect(normalisePostalCode(' 6200 ')).toBe('6200');
    expect(normalisePostalCode('700')).toBe('700');
  });

  it('knows the vocabularies in common jobcenter spellings', () => {
    expect(parseJobcenterCategory('Jobparat')).toBe('jobparat');
    expect(parseJobcenterCategory('jobparat')).toBe('jobparat');
    expect(parseJobcenterCategory('AKTIVITETSPARAT')).toBe('aktivitetsparat');
    expect(parseJobcenterCategory('Arbejdsmarkedsparat')).toBe('jobparat');
    expect(parseJobcenterCategory('Åbenlyst uddannelsesparat')).toBe('uddannelsesparat');
    expect(parseJobcenterCategory('matchgruppe 2')).toBeNull();
    expect(parseBenefitGroup('Kontanthjælp')).toBe('kontanthjaelp');
    expect(parseBenefitGroup('kontanthjaelp')).toBe('kontanthjaelp');
    expect(parseBenefitGroup('A-dagpenge')).toBe('a_dagpenge');
    expect(parseBenefitGroup('Selvforsørgelses- og hjemrejseydelse')).toBe('overgangsydelse');
    expect(parseBenefitGroup('Førtidspension')).toBe('foertidspension');
    expect(parseBenefitGroup('Løn')).toBeNull();
    expect(parseResidentStatus('I job')).toBe('in_job');
    expect(parseResidentStatus('på pause')).toBe('paused');
    expect(parseResidentStatus('in_education')).toBe('in_education');
  });
});

describe('one row', () => {
  it('accepts a good row and reads every field', () => {
    const { data, issues } = validateImportRow(
      good(2, {
        phone: '12 34 56 78',
        email: 'Amina@Example.dk',
        benefitGroup: 'Kontanthjælp',
        jobcenterCategory: 'Jobparat',
        housingArea: 'Høje Kolstrup',
        status: 'Aktiv',
      }),
      TODAY,
    );
    expect(issues).toEqual([]);
    expect(data).toEqual({
      jobcenterRef: 'JC-2',
      firstName: 'Amina',
      lastName: 'Hansen2',
      birthDate: '1990-05-17',
      postalCode: '6200',
      housingArea: 'Høje Kolstrup',
      phone: '+4512345678',
      email: 'amina@example.dk',
      benefitGroup: 'kontanthjaelp',
      jobcenterCategory: 'jobparat',
      status: 'active',
    });
  });

  it('refuses CPR-like values in any column, and says so without repeating them', () => {
    const { data, issues } = validateImportRow(
      good(5, { jobcenterRef: '170590-1234', birthDate: '1705901234', firstName: 'Amina 170590-1234' }),
      TODAY,
    );
    expect(data).toBeNull();
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['jobcenterRef', 'cpr'],
      ['firstName', 'cpr'],
      ['birthDate', 'cpr'],
    ]);
    expect(issues[0]!.message).toBe(
      'Ligner et CPR-nummer – Jobbro gemmer aldrig CPR-numre. Brug jobcentrets egen personreference.',
    );
    for (const i of issues) expect(i.message).not.toContain('1705');
  });

  it('applies the birth date rules on the Copenhagen day', () => {
    const code = (birthDate: string) => validateImportRow(good(2, { birthDate }), TODAY).issues[0]?.code;
    expect(code('25.11.2026')).toBe('birth_date_in_future');
    expect(code('25.11.2013')).toBe('too_young');
    expect(code('24.11.2013')).toBeUndefined();
    expect(code('01.01.1900')).toBe('too_old');
    expect(code('1990')).toBe('invalid_date');
    expect(validateImportRow(good(2, { birthDate: 'x' }), TODAY).issues[0]!.message).toBe(
      'Fødselsdato kan ikke læses – skriv dd.mm.åååå.',
    );
  });

  it('keeps a person whose optional cells cannot be read, with a warning each', () => {
    const { data, issues } = validateImportRow(
      good(3, { phone: '1234', email: 'ikke-en-mail', benefitGroup: 'Løn', jobcenterCategory: 'Match 9' }),
      TODAY,
    );
    expect(data).not.toBeNull();
    expect(data!.phone).toBeNull();
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'invalid_phone'],
      ['warning', 'invalid_email'],
      ['warning', 'unknown_benefit_group'],
      ['warning', 'unknown_category'],
    ]);
  });
});

describe('the plan', () => {
  it('gives one precise error per bad row and plans only the good ones', () => {
    const rows: TImportRowCells[] = [
      good(2),
      good(3, { jobcenterRef: '' }),
      good(4, { jobcenterRef: '0101901234' }),
      good(5, { firstName: '' }),
      good(6, { birthDate: '1990-13-01' }),
      good(7, { birthDate: '01.01.2030' }),
      good(8, { birthDate: '01.01.2020' }),
      good(9, { postalCode: '12345' }),
      good(10, { jobcenterRef: 'JC-2' }),
      good(11, { lastName: 'x'.repeat(101) }),
      good(12, { postalCode: '0123' }),
      good(13),
    ];
    const plan = planImport(rows, ctx());
    expect(plan.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [3, 'jobcenterRef', 'required'],
      [4, 'jobcenterRef', 'cpr'],
      [5, 'firstName', 'required'],
      [6, 'birthDate', 'invalid_date'],
      [7, 'birthDate', 'birth_date_in_future'],
      [8, 'birthDate', 'too_young'],
      [9, 'postalCode', 'invalid_postal_code'],
      [10, 'jobcenterRef', 'duplicate_ref'],
      [11, 'lastName', 'too_long'],
      [12, 'postalCode', 'invalid_postal_code'],
    ]);
    expect(plan.issues.every((i) => i.severity === 'error')).toBe(true);
    expect(plan.issues.find((i) => i.row === 10)!.message).toBe(
      'Personreferencen står også i række 2 – kun den første række bruges.',
    );
    expect(plan.rows.map((r) => r.row)).toEqual([2, 13]);
    expect(plan.summary).toMatchObject({ totalRows: 12, validRows: 2, errorRows: 10, errors: 10, new: 2 });
  });

  it('flags the same person under two references as a warning, not an error', () => {
    const plan = planImport([good(2), good(3, { jobcenterRef: 'JC-X', lastName: 'Hansen2' })], ctx());
    expect(plan.issues).toEqual([
      {
        row: 3,
        field: 'jobcenterRef',
        severity: 'warning',
        code: 'possible_duplicate',
        message:
          'Samme navn og fødselsdato som række 2, men en anden personreference – er det den samme person?',
      },
    ]);
    expect(plan.summary).toMatchObject({ validRows: 2, warningRows: 1, new: 2 });
  });

  it('matches on the reference: unchanged, updated, new; an empty cell keeps what Jobbro has', () => {
    const existing = [
      existingPerson({ phone: '+4511111111', benefitGroup: 'kontanthjaelp', status: 'in_job' }),
      existingPerson({
        id: 'r-3',
        jobcenterRef: 'JC-3',
        lastName: 'Hansen3',
        postalCode: '6230',
        housingAreaId: 'a-nord',
      }),
      existingPerson({ id: 'r-9', jobcenterRef: 'JC-9', lastName: 'Væk' }),
    ];
    const plan = planImport(
      [good(2), good(3, { postalCode: '6230', firstName: 'Aminah' }), good(4)],
      ctx(existing),
    );
    expect(plan.rows.map((r) => [r.row, r.action, r.residentId])).toEqual([
      [2, 'unchanged', 'r-1'],
      [3, 'updated', 'r-3'],
      [4, 'new', null],
    ]);
    // Row 2 had no phone, benefit or status: the stored ones stay.
    expect(plan.rows[0]!.values).toMatchObject({
      phone: '+4511111111',
      benefitGroup: 'kontanthjaelp',
      status: 'in_job',
    });
    // Row 3's postal code covers two areas, but the person's own area is one of them: kept.
    expect(plan.rows[1]!.values.housingAreaId).toBe('a-nord');
    expect(plan.summary).toMatchObject({ new: 1, updated: 1, unchanged: 1, missingFromList: 1 });
  });

  it('derives the area from a named area or an unambiguous postal code, and warns otherwise', () => {
    const plan = planImport(
      [
        good(2),
        good(3, { postalCode: '6230', housingArea: 'sønderport' }),
        good(4, { postalCode: '6230' }),
        good(5, { postalCode: '8000' }),
        good(6, { housingArea: 'Ukendt Park' }),
      ],
      ctx(),
    );
    expect(plan.rows.map((r) => r.values.housingAreaId)).toEqual([
      'a-kolstrup',
      'a-syd',
      null,
      null,
      'a-kolstrup',
    ]);
    expect(plan.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [4, 'ambiguous_area', 'warning'],
      [5, 'outside_areas', 'warning'],
      [6, 'unknown_area', 'warning'],
    ]);
  });

  it('refuses to bring back an anonymised person, and warns about a hand-registered twin', () => {
    const plan = planImport(
      [good(2), good(3)],
      ctx([
        existingPerson({ anonymised: true }),
        existingPerson({ id: 'r-7', jobcenterRef: null, lastName: 'Hansen3' }),
      ]),
    );
    expect(plan.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'erased', 'error'],
      [3, 'possible_existing', 'warning'],
    ]);
    expect(plan.rows.map((r) => [r.row, r.action])).toEqual([[3, 'new']]);
  });

  it('plans the same file twice the same way (the store re-validates and must agree)', () => {
    const rows = [good(2), good(3, { birthDate: 'x' }), good(4, { postalCode: '6230' })];
    expect(planImport(rows, ctx())).toEqual(planImport(rows, ctx()));
  });
});

describe('rows of a table', () => {
  it('skips empty rows but keeps the row numbers the user sees in Excel', () => {
    const table = [
      ['ID', 'Fornavn', 'Ekstra'],
      ['1', 'Amina', 'x'],
      ['', '', ''],
      ['2', 'Bo'],
    ];
    expect(rowsOf(table, table[0]!, { jobcenterRef: 'ID', firstName: 'Fornavn' })).toEqual([
      { row: 2, cells: { jobcenterRef: '1', firstName: 'Amina' } },
      { row: 4, cells: { jobcenterRef: '2', firstName: 'Bo' } },
    ]);
  });

  it('the template carries every field under a header the matching reads', () => {
    const header = importTemplateCsv()
      .replace(/^\uFEFF/, '')
      .trim()
      .split(';');
    expect(Object.keys(automaticMapping(header)).sort()).toEqual([...RESIDENT_IMPORT_FIELDS].sort());
  });
});

describe('the fictional sample lists', () => {
  it('are the same for the same seed, and every row imports without an error', () => {
    const areas = [{ name: 'Høje Kolstrup', postalCode: '6200' }];
    const a = fictionalJobcenterList({ rows: 500, seed: 11, areas, refPrefix: 'T' });
    expect(fictionalJobcenterList({ rows: 500, seed: 11, areas, refPrefix: 'T' })).toEqual(a);
    expect(fictionalJobcenterList({ rows: 500, seed: 12, areas, refPrefix: 'T' })).not.toEqual(a);
    const [header, ...body] = a;
    expect(body).toHaveLength(500);
    const columns = columnNames(header!);
    const plan = planImport(rowsOf(a, columns, automaticMapping(columns)), ctx());
    expect(plan.summary.errors).toBe(0);
    expect(plan.summary.validRows).toBe(500);
    expect(plan.rows.every((r) => r.values.housingAreaId === 'a-kolstrup')).toBe(true);
  });

  it('quotes cells the CSV would otherwise split', () => {
    expect(
      toCsv([
        ['a;b', 'sagde "hej"'],
        ['x', ''],
      ]),
    ).toBe('\uFEFF"a;b";"sagde ""hej"""\r\nx;\r\n');
  });
});
