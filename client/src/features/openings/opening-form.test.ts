import { parseForm } from '@client/components/form-errors.ts';
import type { TOpeningDraft } from '@domain/job-dialogue.schema.ts';
import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  applyStartDate,
  applyType,
  emptyOpeningValues,
  type TOpeningFormValues,
  valuesFromDraft,
  youthCheck,
  ZOpeningForm,
} from './opening-form.ts';

const COMPANY = '00000000-0000-4000-8000-000000000001';

function filled(overrides: Partial<TOpeningFormValues> = {}): TOpeningFormValues {
  return {
    ...applyType({ ...emptyOpeningValues(), companyId: COMPANY, startDate: '2027-03-01' }, 'leisure_job'),
    title: 'Fritidsjob i grønne områder',
    occupationId: 'gartner',
    postalCode: '8800',
    city: 'Viborg',
    ...overrides,
  };
}

describe('type defaults', () => {
  it('fills hours, ages and the end date from the type', () => {
    const v = applyType({ ...emptyOpeningValues(), startDate: '2027-03-01' }, 'site_trial');
    expect(v).toMatchObject({ hoursPerWeek: '37', minAge: '15', maxAge: '', endDate: '2027-03-29' });
    const leisure = applyType(emptyOpeningValues(), 'leisure_job');
    expect(leisure).toMatchObject({ hoursPerWeek: '12', minAge: '15', maxAge: '17', endDate: '' });
    // Small jobs start with few hours.
    expect(applyType(emptyOpeningValues(), 'small_job').hoursPerWeek).toBe('2');
  });

  it('replaces the previous type’s defaults but keeps what the user typed', () => {
    const leisure = applyType(emptyOpeningValues(), 'leisure_job');
    const again = applyType(leisure, 'full_time');
    expect(again).toMatchObject({ hoursPerWeek: '37', minAge: '18', maxAge: '' });
    const typed = applyType({ ...leisure, hoursPerWeek: '10', maxAge: '16' }, 'full_time');
    expect(typed).toMatchObject({ hoursPerWeek: '10', minAge: '18', maxAge: '16' });
  });

  it('moves an end date from the duration with the start date, not one the user chose', () => {
    const v = applyType({ ...emptyOpeningValues(), startDate: '2027-01-04' }, 'work_trial');
    expect(v.endDate).toBe('2027-02-01');
    expect(applyStartDate(v, '2027-02-01').endDate).toBe('2027-03-01');
    expect(applyStartDate({ ...v, endDate: '2027-06-30' }, '2027-02-01').endDate).toBe('2027-06-30');
    expect(addWeeks('2027-12-27', 1)).toBe('2028-01-03');
    expect(addWeeks('', 4)).toBe('');
  });

  it('starts from a job dialogue’s draft', () => {
    const draft: TOpeningDraft = {
      jobDialogueId: '00000000-0000-4000-8000-000000000010',
      assignmentId: '00000000-0000-4000-8000-000000000011',
      companyId: COMPANY,
      companyName: 'Viborg El-service (fiktiv)',
      partnershipId: '00000000-0000-4000-8000-000000000012',
      housingAreaId: null,
      type: 'site_trial',
      title: 'Snusepraktik på renoveringen',
      postalCode: '8800',
      city: 'Viborg',
      startDate: '2027-04-05',
      socialClauseId: '00000000-0000-4000-8000-000000000013',
    };
    expect(valuesFromDraft(draft)).toMatchObject({
      companyId: COMPANY,
      assignmentId: draft.assignmentId,
      socialClauseId: draft.socialClauseId,
      housingAreaId: '',
      type: 'site_trial',
      hoursPerWeek: '37',
      startDate: '2027-04-05',
      endDate: '2027-05-03',
    });
  });
});

describe('youth-work check', () => {
  it('is silent for adults and for a leisure job within the limits', () => {
    expect(youthCheck(applyType(emptyOpeningValues(), 'full_time'))).toBeNull();
    expect(youthCheck(filled())).toMatchObject({ minAge: 15, band: 'pupil', hours: [], time: [] });
  });

  it('puts hours at the hours and evening work until 22.00 at the end time', () => {
    const check = youthCheck(filled({ hoursPerWeek: '20', scheduleEvening: true, endTime: '22:00' }));
    expect(check?.hours).toEqual(['Undervisningspligtige unge må højst arbejde 12 timer i en skoleuge.']);
    expect(check?.time).toEqual([
      'Undervisningspligtige unge må ikke arbejde mellem kl. 20.00 og kl. 06.00.',
    ]);
    expect(youthCheck(filled({ scheduleEvening: true, endTime: '19:30' }))?.time).toEqual([]);
  });

  it('uses a typed minimum age over the type default', () => {
    expect(youthCheck(applyType({ ...emptyOpeningValues(), minAge: '16' }, 'part_time'))).toMatchObject({
      minAge: 16,
      band: 'young',
    });
  });
});

describe('ZOpeningForm', () => {
  it('parses a complete form into the API input', () => {
    const r = parseForm(ZOpeningForm, filled({ contactPhone: '12 34 56 78' }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data).toMatchObject({
        companyId: COMPANY,
        type: 'leisure_job',
        hoursPerWeek: 12,
        minAge: 15,
        maxAge: 17,
        endTime: null,
        contactPhone: '+4512345678',
      });
    }
  });

  it('asks for the choices not made yet, in Danish, at their fields', () => {
    const r = parseForm(ZOpeningForm, { ...emptyOpeningValues(), positions: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toMatchObject({
        companyId: 'Vælg en virksomhed.',
        type: 'Vælg en type.',
        occupationId: 'Vælg en stilling.',
        title: 'Skal udfyldes.',
        startDate: 'Skal udfyldes.',
        positions: 'Skal udfyldes.',
        postalCode: 'Postnummer skal være 4 cifre.',
      });
    }
  });

  it('shows a youth violation about the time of day at the end time', () => {
    const r = parseForm(ZOpeningForm, filled({ scheduleEvening: true, endTime: '22:00' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.endTime).toBe(
        'Undervisningspligtige unge må ikke arbejde mellem kl. 20.00 og kl. 06.00.',
      );
      expect(r.errors.hoursPerWeek).toBeUndefined();
    }
    const hours = parseForm(ZOpeningForm, filled({ hoursPerWeek: '30' }));
    expect(hours.ok ? null : hours.errors.hoursPerWeek).toBe(
      'Undervisningspligtige unge må højst arbejde 12 timer i en skoleuge.',
    );
  });
});
