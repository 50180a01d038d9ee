import { describe, expect, it } from 'vitest';
import {
  ACTIVE_PROPOSAL_STATUSES,
  COMPANY_VISIBLE_PROPOSAL_STATUSES,
  isFinalProposalStatus,
  nextProposalStatuses,
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  proposalTransitionSide,
  ZProposalCreate,
  ZProposalListQuery,
  ZProposalTransition,
} from './proposal.schema.ts';

describe('proposal transitions', () => {
  it('lets the professionals record the answer, send only after a yes, and withdraw', () => {
    expect(nextProposalStatuses('awaiting_resident', 'professional')).toEqual([
      'resident_agreed',
      'resident_declined',
      'withdrawn',
    ]);
    expect(nextProposalStatuses('resident_agreed', 'professional')).toEqual(['sent_to_company', 'withdrawn']);
    expect(nextProposalStatuses('sent_to_company', 'professional')).toEqual(['withdrawn']);
    // Nothing reaches the company before the resident said yes.
    expect(proposalTransitionSide('awaiting_resident', 'sent_to_company')).toBeNull();
    expect(proposalTransitionSide('resident_declined', 'sent_to_company')).toBeNull();
  });

  it("keeps the company's moves (interview, hire, no) for the company side", () => {
    expect(nextProposalStatuses('sent_to_company', 'company')).toEqual([
      'interview',
      'hired',
      'company_declined',
    ]);
    expect(proposalTransitionSide('sent_to_company', 'interview')).toBe('company');
    expect(proposalTransitionSide('interview', 'hired')).toBe('company');
    expect(nextProposalStatuses('awaiting_resident', 'company')).toEqual([]);
    expect(nextProposalStatuses('resident_agreed', 'company')).toEqual([]);
  });

  it('ends in the final statuses and never moves back to the start', () => {
    const finals = PROPOSAL_STATUSES.filter(isFinalProposalStatus);
    expect(finals.sort()).toEqual(['company_declined', 'hired', 'resident_declined', 'withdrawn']);
    for (const s of PROPOSAL_STATUSES) {
      expect(PROPOSAL_TRANSITIONS[s].map((t) => t.to)).not.toContain('awaiting_resident');
      expect(PROPOSAL_TRANSITIONS[s].map((t) => t.to)).not.toContain(s);
    }
    // Every active status can still move; no final status counts against the limits.
    for (const s of ACTIVE_PROPOSAL_STATUSES) expect(isFinalProposalStatus(s)).toBe(false);
    for (const s of finals) expect(ACTIVE_PROPOSAL_STATUSES).not.toContain(s);
  });

  it('shows the company a candidate only once sent to it, and not after a withdrawal or its no', () => {
    expect(COMPANY_VISIBLE_PROPOSAL_STATUSES).toEqual(['sent_to_company', 'interview', 'hired']);
    // Every status the company may see is reachable only through "sent to company".
    const reachable = new Set<string>(['sent_to_company']);
    for (const s of ['sent_to_company', 'interview'] as const)
      for (const t of PROPOSAL_TRANSITIONS[s]) reachable.add(t.to);
    for (const s of COMPANY_VISIBLE_PROPOSAL_STATUSES) expect(reachable.has(s)).toBe(true);
  });
});

describe('proposal schemas', () => {
  it('takes an opening, a resident and an optional note, and refuses a CPR number in the note', () => {
    const ok = ZProposalCreate.safeParse({
      openingId: '00000000-0000-4000-8000-000000000001',
      residentId: '00000000-0000-4000-8000-000000000002',
      note: '  ',
    });
    expect(ok.success && ok.data.note).toBeNull();
    const cpr = ZProposalCreate.safeParse({
      openingId: '00000000-0000-4000-8000-000000000001',
      residentId: '00000000-0000-4000-8000-000000000002',
      note: 'CPR 010190-1234',
    });
    expect(cpr.success).toBe(false);
    expect(cpr.error?.issues[0]?.message).toBe('Må ikke indeholde et CPR-nummer.');
  });

  it('answers an unknown status in Danish', () => {
    const bad = ZProposalTransition.safeParse({ to: 'accepted' });
    expect(bad.error?.issues[0]?.message).toBe('Ukendt status.');
  });

  it('reads list filters from the query string', () => {
    const q = ZProposalListQuery.parse({
      active: 'true',
      status: 'resident_agreed',
      sort: 'score',
      page: '2',
    });
    expect(q).toMatchObject({
      active: true,
      status: 'resident_agreed',
      sort: 'score',
      page: 2,
      pageSize: 25,
    });
    expect(ZProposalListQuery.parse({}).active).toBeUndefined();
    expect(ZProposalListQuery.safeParse({ sort: 'birthDate' }).success).toBe(false);
  });
});
