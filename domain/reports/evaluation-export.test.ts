import { describe, expect, it } from 'vitest';
import {
  caseEvents,
  EVALUATION_CSV_HEADERS,
  EVALUATION_EVENT_KINDS,
  EVALUATION_EVENT_LABEL_DA,
  evaluationAgeBand,
  evaluationCells,
  evaluationRows,
  stateAt,
  type TCaseState,
} from './evaluation-export.ts';

const change = (at: string, o: Partial<TCaseState> = {}): TCaseState => ({
  changedAt: new Date(at),
  status: 'active',
  benefitGroup: 'kontanthjaelp',
  housingAreaId: 'area-1',
  ...o,
});

describe('evaluationAgeBand', () => {
  it('takes the age on the day of the event, at the band edges', () => {
    expect(evaluationAgeBand('2008-03-15', '2026-03-14')).toBe('Under 18 år');
    expect(evaluationAgeBand('2008-03-15', '2026-03-15')).toBe('18-29 år');
    expect(evaluationAgeBand('1996-07-01', '2026-06-30')).toBe('18-29 år');
    expect(evaluationAgeBand('1996-07-01', '2026-07-01')).toBe('30-49 år');
    expect(evaluationAgeBand('1976-01-01', '2026-01-01')).toBe('50-64 år');
    expect(evaluationAgeBand('1961-12-31', '2026-12-31')).toBe('65 år og derover');
  });
});

describe('caseEvents', () => {
  it('makes the first change the registration and each later change of status or benefit group an event', () => {
    const changes = [
      change('2026-01-05T09:00:00Z'),
      // The area alone changed: no event.
      change('2026-02-01T09:00:00Z', { housingAreaId: 'area-2' }),
      change('2026-03-01T09:00:00Z', { housingAreaId: 'area-2', status: 'in_job', benefitGroup: null }),
      change('2026-04-01T09:00:00Z', { housingAreaId: 'area-2', status: 'in_education', benefitGroup: null }),
    ];
    expect(caseEvents(changes).map((e) => [e.kind, e.state.changedAt.toISOString().slice(0, 10)])).toEqual([
      ['registered', '2026-01-05'],
      ['status_changed', '2026-03-01'],
      ['benefit_group_changed', '2026-03-01'],
      ['into_education', '2026-04-01'],
    ]);
  });
});

describe('stateAt', () => {
  const changes = [
    change('2026-01-05T09:00:00Z'),
    change('2026-03-05T12:00:00Z', { benefitGroup: 'uddannelseshjaelp' }),
  ];

  it('is the last change at or before an instant', () => {
    expect(stateAt(changes, { at: new Date('2026-03-05T11:59:59Z'), day: '2026-03-05' })?.benefitGroup).toBe(
      'kontanthjaelp',
    );
    expect(stateAt(changes, { at: new Date('2026-03-05T12:00:00Z'), day: '2026-03-05' })?.benefitGroup).toBe(
      'uddannelseshjaelp',
    );
  });

  it('takes a change on the same Copenhagen day for an event that has only a date', () => {
    expect(stateAt(changes, { at: null, day: '2026-03-04' })?.benefitGroup).toBe('kontanthjaelp');
    expect(stateAt(changes, { at: null, day: '2026-03-05' })?.benefitGroup).toBe('uddannelseshjaelp');
  });

  it('falls back to the registration for an event before it, and to nothing without a history', () => {
    expect(stateAt(changes, { at: null, day: '2025-12-01' })?.benefitGroup).toBe('kontanthjaelp');
    expect(stateAt([], { at: null, day: '2026-01-01' })).toBeNull();
  });
});

describe('evaluationRows', () => {
  const person = {
    residentId: 'r1',
    birthDate: '1990-05-17',
    changes: [change('2026-01-05T09:00:00Z'), change('2026-10-15T10:00:00Z', { status: 'in_education' })],
  };

  it('keeps the period (Copenhagen days), orders each person by time, date-only events first on a day', () => {
    const rows = evaluationRows({
      people: [person],
      events: [
        {
          residentId: 'r1',
          kind: 'placement_ended',
          day: '2026-10-15',
          at: null,
          openingType: 'apprentice',
          outcome: 'education',
          reason: null,
        },
        {
          residentId: 'r1',
          kind: 'screening',
          day: '2025-12-31',
          at: null,
          openingType: null,
          outcome: '1',
          reason: null,
        },
        {
          residentId: 'r1',
          kind: 'proposal',
          // 00.30 on 1 February in Copenhagen.
          day: '2026-02-01',
          at: new Date('2026-01-31T23:30:00Z'),
          openingType: 'full_time',
          outcome: null,
          reason: null,
        },
      ],
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(rows.map((r) => [r.day, r.kind, r.outcome])).toEqual([
      ['2026-01-05', 'registered', ''],
      ['2026-02-01', 'proposal', ''],
      ['2026-10-15', 'placement_ended', 'Overgået til uddannelse'],
      ['2026-10-15', 'into_education', 'I uddannelse'],
    ]);
    expect(rows[1]).toMatchObject({ openingType: 'Ordinært job, fuldtid', benefitGroup: 'Kontanthjælp' });
  });

  it('leaves out case events outside the period', () => {
    const rows = evaluationRows({ people: [person], events: [], from: '2026-02-01', to: '2026-10-14' });
    expect(rows).toEqual([]);
  });

  it('writes the cells in the order of the headers, the date as dd.mm.yyyy', () => {
    const [row] = evaluationRows({ people: [person], events: [], from: '2026-01-01', to: '2026-01-31' });
    const cells = evaluationCells(row!, 'abc', 'Vestervang');
    expect(cells).toHaveLength(EVALUATION_CSV_HEADERS.length);
    expect(cells).toEqual([
      'abc',
      '05.01.2026',
      'registered',
      'Registreret i Jobbro',
      'Vestervang',
      '30-49 år',
      'Kontanthjælp',
      '',
      '',
      '',
    ]);
  });

  it('has a Danish text for every event type', () => {
    for (const kind of EVALUATION_EVENT_KINDS)
      expect(EVALUATION_EVENT_LABEL_DA[kind].length).toBeGreaterThan(3);
  });
});
