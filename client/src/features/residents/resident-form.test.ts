import { parseForm } from '@client/components/form-errors.ts';
import type { TResident } from '@domain/resident.schema.ts';
import { describe, expect, it } from 'vitest';
import {
  consentFieldError,
  emptyExperience,
  emptyResidentValues,
  move,
  OUTSIDE_AREAS,
  registeringRoles,
  residentFormSchema,
  staffOptions,
  type TExperienceFormValues,
  type TResidentFormValues,
  valuesFromResident,
} from './resident-form.ts';

const TODAY = '2026-03-10';
const AREA = '00000000-0000-4000-8000-0000000000aa';

function valid(patch: Partial<TResidentFormValues> = {}): TResidentFormValues {
  return {
    ...emptyResidentValues(TODAY),
    firstName: 'Amina',
    lastName: 'Testesen',
    birthDate: '1990-05-01',
    postalCode: '8800',
    housingAreaId: AREA,
    ...patch,
  };
}

describe('residentFormSchema', () => {
  it('turns the form into the API body, keeping the occupations in their ranked order', () => {
    const r = parseForm(residentFormSchema(TODAY), valid({ occupationIds: ['snedker', 'toemrer'] }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.housingAreaId).toBe(AREA);
      expect(r.data.consents).toEqual([]);
      expect(r.data.occupationIds).toEqual(['snedker', 'toemrer']);
    }
  });

  it('asks for an explicit area choice, and sends "outside the areas" as null', () => {
    const missing = parseForm(residentFormSchema(TODAY), valid({ housingAreaId: '' }));
    expect(missing.ok ? {} : missing.errors).toEqual({
      housingAreaId: 'Vælg et boligområde eller »Uden for boligområderne«.',
    });
    const outside = parseForm(residentFormSchema(TODAY), valid({ housingAreaId: OUTSIDE_AREAS }));
    expect(outside.ok && outside.data.housingAreaId).toBe(null);
  });

  it('keeps the domain rules: a future birth date and a health need without consent are refused', () => {
    const r = parseForm(
      residentFormSchema(TODAY),
      valid({ birthDate: '2030-01-01', supportNeeds: ['health'], healthNeedConsent: false }),
    );
    expect(r.ok ? {} : r.errors).toMatchObject({
      birthDate: 'Fødselsdatoen ligger i fremtiden.',
      supportNeeds: 'Et helbredsrelateret støttebehov kræver personens udtrykkelige samtykke.',
    });
  });

  it('gives every ticked scope its own consent, and asks for a witness for a verbal consent', () => {
    const ok = parseForm(residentFormSchema(TODAY), valid({ consentScopes: ['sharing', 'matching'] }));
    expect(ok.ok && ok.data.consents.map((c) => [c.scope, c.givenOn, c.method])).toEqual([
      ['sharing', TODAY, 'paper'],
      ['matching', TODAY, 'paper'],
    ]);
    const verbal = parseForm(
      residentFormSchema(TODAY),
      valid({ consentScopes: ['sharing'], consentMethod: 'verbal_witnessed' }),
    );
    expect(verbal.ok).toBe(false);
    if (!verbal.ok) expect(consentFieldError(verbal.errors, 'witnessName')).toBe('Skriv hvem der var vidne.');
  });
});

const experience = (patch: Partial<TExperienceFormValues>): TExperienceFormValues => ({
  ...emptyExperience(),
  ...patch,
});
const SW = '00000000-0000-4000-8000-0000000000b1';
const JC = '00000000-0000-4000-8000-0000000000b2';

describe('experience entries', () => {
  it('sends the entries in the order shown, years as numbers, empty fields as null', () => {
    const r = parseForm(
      residentFormSchema(TODAY),
      valid({
        experiences: [
          experience({ title: 'Lagerarbejder', employer: 'Grossist', fromYear: '2019', toYear: ' 2021 ' }),
          experience({ title: 'Avisbud' }),
        ],
      }),
    );
    expect(r.ok && r.data.experiences).toEqual([
      { title: 'Lagerarbejder', employer: 'Grossist', fromYear: 2019, toYear: 2021, description: null },
      { title: 'Avisbud', employer: null, fromYear: null, toYear: null, description: null },
    ]);
  });

  it('puts a Danish message at each wrong field of the entry it belongs to', () => {
    const r = parseForm(
      residentFormSchema(TODAY),
      valid({
        experiences: [
          experience({ title: 'Rengøring', fromYear: '2020', toYear: '2018' }),
          experience({ title: '', fromYear: 'sidste år', toYear: '1890', description: 'x'.repeat(501) }),
        ],
      }),
    );
    expect(r.ok ? {} : r.errors).toEqual({
      'experiences.0.toYear': 'Slutåret ligger før startåret.',
      'experiences.1.title': 'Skal udfyldes.',
      'experiences.1.fromYear': 'Skriv et årstal, fx 2019.',
      'experiences.1.toYear': 'Ugyldigt år.',
      'experiences.1.description': 'Højst 500 tegn.',
    });
  });

  it('refuses a CPR number in an entry and more than 20 entries', () => {
    const cpr = parseForm(
      residentFormSchema(TODAY),
      valid({ experiences: [experience({ title: 'Job', description: 'CPR 010190-1234' })] }),
    );
    expect(cpr.ok ? {} : cpr.errors).toEqual({
      'experiences.0.description': 'Må ikke indeholde et CPR-nummer.',
    });
    const many = parseForm(
      residentFormSchema(TODAY),
      valid({ experiences: Array.from({ length: 21 }, () => experience({ title: 'Job' })) }),
    );
    expect(many.ok ? {} : many.errors).toEqual({ experiences: 'Højst 20 erfaringer.' });
  });

  it('fills the editor from a profile and gives every entry its own key', () => {
    const profile = {
      id: AREA,
      view: 'professional',
      canEdit: true,
      firstName: 'Amina',
      experiences: [
        { title: 'Køkkenhjælp', employer: null, fromYear: 2015, toYear: null, description: 'Kantine' },
        { title: 'Avisbud', employer: null, fromYear: null, toYear: null, description: null },
      ],
      responsibleSocialWorkerId: SW,
      responsibleJobConsultantId: null,
    } satisfies TResident;
    const v = valuesFromResident(profile, TODAY);
    expect(v.experiences.map(({ key: _key, ...e }) => e)).toEqual([
      { title: 'Køkkenhjælp', employer: '', fromYear: '2015', toYear: '', description: 'Kantine' },
      { title: 'Avisbud', employer: '', fromYear: '', toYear: '', description: '' },
    ]);
    expect(new Set(v.experiences.map((e) => e.key)).size).toBe(2);
    expect([v.responsibleSocialWorkerId, v.responsibleJobConsultantId]).toEqual([SW, '']);
  });
});

describe('responsible persons and who registers', () => {
  it('sends the chosen responsible people, and null for "none"', () => {
    const chosen = parseForm(
      residentFormSchema(TODAY),
      valid({ responsibleSocialWorkerId: SW, responsibleJobConsultantId: JC }),
    );
    expect(
      chosen.ok && [chosen.data.responsibleSocialWorkerId, chosen.data.responsibleJobConsultantId],
    ).toEqual([SW, JC]);
    const none = parseForm(residentFormSchema(TODAY), valid());
    expect(none.ok && [none.data.responsibleSocialWorkerId, none.data.responsibleJobConsultantId]).toEqual([
      null,
      null,
    ]);
    const bad = parseForm(residentFormSchema(TODAY), valid({ responsibleJobConsultantId: 'nobody' }));
    expect(bad.ok ? {} : bad.errors).toEqual({ responsibleJobConsultantId: 'Ugyldigt id.' });
  });

  it('asks someone with both roles which side registers, and sends the choice', () => {
    const missing = parseForm(residentFormSchema(TODAY, { requireRegisteredAs: true }), valid());
    expect(missing.ok ? {} : missing.errors).toEqual({
      registeredAs: 'Vælg om du registrerer som boligsocial medarbejder eller jobkonsulent.',
    });
    const chosen = parseForm(
      residentFormSchema(TODAY, { requireRegisteredAs: true }),
      valid({ registeredAs: 'job_consultant' }),
    );
    expect(chosen.ok && chosen.data.registeredAs).toBe('job_consultant');
    // Someone with one role is not asked.
    const single = parseForm(residentFormSchema(TODAY), valid());
    expect(single.ok && single.data.registeredAs).toBeUndefined();
  });

  it('offers the staff of the person’s municipality for the role, each once, keeping an inactive choice', () => {
    const M1 = '00000000-0000-4000-8000-0000000000c1';
    const M2 = '00000000-0000-4000-8000-0000000000c2';
    const staff = [
      { id: SW, name: 'Sara', role: 'social_worker', municipalityId: M1 },
      { id: SW, name: 'Sara', role: 'social_worker', municipalityId: M2 },
      { id: JC, name: 'Jens', role: 'job_consultant', municipalityId: M1 },
      { id: AREA, name: 'Søren', role: 'social_worker', municipalityId: M2 },
    ] as const;
    const labels = { none: 'Ingen valgt', inactive: 'Ikke længere aktiv' };
    expect(staffOptions(staff, 'social_worker', M1, '', labels)).toEqual([
      { value: '', label: 'Ingen valgt' },
      { value: SW, label: 'Sara' },
    ]);
    expect(staffOptions(staff, 'social_worker', null, '', labels).map((o) => o.label)).toEqual([
      'Ingen valgt',
      'Sara',
      'Søren',
    ]);
    expect(staffOptions(staff, 'job_consultant', M2, JC, labels)).toEqual([
      { value: '', label: 'Ingen valgt' },
      { value: JC, label: 'Ikke længere aktiv' },
    ]);
  });

  it('knows who holds both professional roles', () => {
    expect(registeringRoles([{ role: 'social_worker' }, { role: 'job_consultant' }])).toEqual([
      'social_worker',
      'job_consultant',
    ]);
    expect(registeringRoles([{ role: 'social_worker' }, { role: 'steering' }])).toEqual(['social_worker']);
    expect(registeringRoles([{ role: 'admin' }])).toEqual([]);
  });
});

describe('move', () => {
  it('moves a ranked item up or down and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
