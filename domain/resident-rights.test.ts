import { describe, expect, it } from 'vitest';
import {
  ACCESS_PURPOSE_LABEL_DA,
  ACCESS_PURPOSES,
  accessPurpose,
  anonymisedBirthDate,
  confirmsFullName,
  danishDateTimeText,
  mentionsPerson,
  ZResidentErase,
} from './resident-rights.schema.ts';

describe('anonymisedBirthDate', () => {
  it('keeps the year only, as 1 July', () => {
    expect(anonymisedBirthDate('1990-03-14')).toBe('1990-07-01');
    expect(anonymisedBirthDate('2004-12-31')).toBe('2004-07-01');
  });
});

describe('confirmsFullName', () => {
  it('takes the full name whatever the case and spacing, nothing less', () => {
    expect(confirmsFullName('Åse Ærø-Østergård', 'Åse', 'Ærø-Østergård')).toBe(true);
    expect(confirmsFullName('  åse   ÆRØ-østergård ', 'Åse', 'Ærø-Østergård')).toBe(true);
    expect(confirmsFullName('Åse', 'Åse', 'Ærø-Østergård')).toBe(false);
    expect(confirmsFullName('Åse Ærø', 'Åse', 'Ærø-Østergård')).toBe(false);
    expect(confirmsFullName('', '', '')).toBe(false);
  });

  it('compares composed and decomposed letters alike (NFC)', () => {
    const decomposed = 'A\u030Ase Hansen'; // Å as A + combining ring
    expect(confirmsFullName(decomposed, 'Åse', 'Hansen')).toBe(true);
  });
});

describe('mentionsPerson', () => {
  const person = { firstName: 'Bo', lastName: 'Ærø Hansen', phone: '+4512345678', email: 'bo@eksempel.dk' };
  it('finds a name as a word, the e-mail and the phone digits', () => {
    expect(mentionsPerson('Anmodning fra bo', person)).toBe(true);
    expect(mentionsPerson('Anmodning fra HANSEN', person)).toBe(true);
    expect(mentionsPerson('Ærø ringede', person)).toBe(true);
    expect(mentionsPerson('Skrev fra BO@eksempel.dk', person)).toBe(true);
    expect(mentionsPerson('Ring 12 34 56 78', person)).toBe(true);
  });
  it('lets an ordinary reason through, even when a name is part of a longer word', () => {
    expect(mentionsPerson('Borgerens anmodning af 12.11.2026', person)).toBe(false);
    expect(mentionsPerson('Bopæl flyttet', person)).toBe(false);
  });
});

describe('ZResidentErase', () => {
  it('requires the name and refuses a CPR number in the reason', () => {
    expect(ZResidentErase.safeParse({ confirmName: '' }).success).toBe(false);
    const cpr = ZResidentErase.safeParse({ confirmName: 'Bo Hansen', reason: 'CPR 010190-1234' });
    expect(cpr.success).toBe(false);
    expect(ZResidentErase.parse({ confirmName: ' Bo Hansen ', reason: '' })).toEqual({
      confirmName: 'Bo Hansen',
      reason: null,
    });
  });
});

describe('accessPurpose', () => {
  it('names the purpose of each kind of event about a person', () => {
    const cases: [string, string, Record<string, unknown> | null, string][] = [
      ['create', 'resident', { registeredBySide: 'housing' }, 'registration'],
      ['read', 'resident', { basis: 'own_side' }, 'profile_read'],
      ['read', 'resident', { part: 'notes' }, 'notes_read'],
      ['read', 'resident', { part: 'consents' }, 'consents_read'],
      ['read', 'resident', { part: 'history' }, 'history_read'],
      ['read', 'resident', { cv: true }, 'cv_read'],
      ['update', 'resident', { fields: ['phone'] }, 'profile_update'],
      ['update', 'resident', { cv: 'uploaded' }, 'cv_uploaded'],
      ['update', 'resident', { cv: 'deleted' }, 'cv_deleted'],
      ['create', 'resident_consent', { scope: 'sharing' }, 'consent_given'],
      ['update', 'resident_consent', { change: 'withdrawn' }, 'consent_withdrawn'],
      ['create', 'resident_note', null, 'note_written'],
      ['create', 'resident_screening', null, 'screening'],
      ['read', 'resident_screening', { part: 'screenings' }, 'screenings_read'],
      ['export', 'resident', { format: 'pdf' }, 'export'],
      // The pseudonymised evaluation export names its key (server/modules/evaluation-export).
      ['export', 'resident', { keyId: 'k' }, 'evaluation_export'],
      ['erase', 'resident', { reason: 'erasure' }, 'erasure'],
      ['denied', 'resident', { action: 'read' }, 'denied'],
      ['delete', 'resident_note', null, 'other'],
      // Proposals, placements, check-ins and escalations (issues 5 and 6), as their services log them.
      ['create', 'proposal', { residentId: 'r', openingId: 'o', source: 'manual' }, 'proposal_made'],
      ['read', 'proposal', { residentId: 'r' }, 'proposal_read'],
      [
        'update',
        'proposal',
        { residentId: 'r', status: { from: 'awaiting_resident', to: 'resident_agreed' } },
        'proposal_updated',
      ],
      [
        'update',
        'proposal',
        { residentId: 'r', status: { from: 'resident_agreed', to: 'sent_to_company' } },
        'proposal_sent',
      ],
      ['read', 'proposal', { portal: 'company', residentId: 'r', candidateShown: true }, 'company_viewed'],
      // A company that opens the proposal after consent (b) ended sees no profile.
      ['read', 'proposal', { portal: 'company', residentId: 'r', candidateShown: false }, 'proposal_read'],
      [
        'update',
        'proposal',
        { residentId: 'r', status: { from: 'sent_to_company', to: 'interview' } },
        'company_answered',
      ],
      ['update', 'proposal', { residentId: 'r', interviewOutcome: 'positive' }, 'company_answered'],
      [
        'update',
        'proposal',
        { residentId: 'r', status: { from: 'interview', to: 'company_declined' } },
        'company_answered',
      ],
      ['denied', 'proposal', { action: 'read', reason: 'other_company', portal: 'company' }, 'denied'],
      ['search', 'proposal', { portal: 'company', residentIds: ['r'] }, 'other'],
      ['create', 'placement', { residentId: 'r', type: 'full_time' }, 'placement_created'],
      ['read', 'placement', { residentId: 'r', view: 'company' }, 'placement_read'],
      [
        'update',
        'placement',
        { residentId: 'r', status: { from: 'active', to: 'completed' } },
        'placement_ended',
      ],
      [
        'create',
        'follow_up',
        { residentId: 'r', placementId: 'p', dueDate: '2026-12-01' },
        'follow_up_planned',
      ],
      ['read', 'follow_up', { residentId: 'r', placementId: 'p' }, 'follow_up_read'],
      [
        'update',
        'follow_up',
        { residentId: 'r', placementId: 'p', key: 'week_1', status: 'going_well' },
        'follow_up_recorded',
      ],
      [
        'update',
        'follow_up',
        { residentId: 'r', dueDate: { from: '2026-12-01', to: '2026-12-08' } },
        'follow_up_rescheduled',
      ],
      ['create', 'escalation', { placementId: 'p', residentId: 'r', source: 'check_in' }, 'escalation'],
      [
        'update',
        'escalation',
        { placementId: 'p', residentId: 'r', source: 'company', repeated: true },
        'escalation',
      ],
      ['update', 'escalation', { placementId: 'p', residentId: 'r', resolved: true }, 'escalation_resolved'],
    ];
    for (const [action, entityType, details, purpose] of cases) {
      expect(accessPurpose(action, entityType, details), `${action} ${entityType}`).toBe(purpose);
    }
  });

  it('has a Danish label for every purpose', () => {
    for (const p of ACCESS_PURPOSES) expect(ACCESS_PURPOSE_LABEL_DA[p].length).toBeGreaterThan(3);
  });
});

describe('danishDateTimeText', () => {
  it('writes Danish time, summer and winter', () => {
    expect(danishDateTimeText(new Date('2026-11-24T09:05:00Z'))).toBe('24.11.2026 10.05');
    expect(danishDateTimeText(new Date('2026-07-01T22:30:00Z'))).toBe('02.07.2026 00.30');
  });
});
