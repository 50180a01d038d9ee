import da from '@client/locales/da.json';
import { ASSIGNMENT_KIND_LABEL_DA } from '@domain/assignment.schema.ts';
import {
  ASKED_KIND_LABEL_DA,
  DIALOGUE_OUTCOME_LABEL_DA,
  DIALOGUE_STATE_LABEL_DA,
  NO_REASON_LABEL_DA,
} from '@domain/job-dialogue.schema.ts';
import {
  CLAUSE_KIND_LABEL_DA,
  CLAUSE_STATUS_LABEL_DA,
  CLAUSE_UNIT_LABEL_DA,
} from '@domain/social-clause.schema.ts';
import { describe, expect, it } from 'vitest';

// The Danish screen texts of assignments, dialogues and clauses are the domain's labels (also used
// in notifications, mails and reports): the locale must not drift from them.
describe('Danish labels agree with the domain', () => {
  it.each([
    ['assignment kinds', da.assignments.kind, ASSIGNMENT_KIND_LABEL_DA],
    ['asked kinds', da.jobDialogues.asked, ASKED_KIND_LABEL_DA],
    ['dialogue outcomes', da.jobDialogues.outcome, DIALOGUE_OUTCOME_LABEL_DA],
    ['dialogue states', da.jobDialogues.state, DIALOGUE_STATE_LABEL_DA],
    ['no reasons', da.jobDialogues.reason, NO_REASON_LABEL_DA],
    ['clause kinds', da.socialClauses.kind, CLAUSE_KIND_LABEL_DA],
    ['clause units', da.socialClauses.unit, CLAUSE_UNIT_LABEL_DA],
    ['clause statuses', da.socialClauses.status, CLAUSE_STATUS_LABEL_DA],
  ] as const)('%s', (_name, locale, domain) => {
    expect(locale).toEqual(domain);
  });
});
