import type {
  TCompany,
  TCompanyContact,
  TCompanyDetail,
  TCompanyNote,
  TCompanyStatusEvent,
} from '@domain/company.schema.ts';
import type { TActor } from '@domain/policy.ts';
import type { TCompanyPartnershipRow, TCompanyRow } from './companies.repository.ts';

/** Whether the actor is staff of the partnership (or admin), not only a company's own contact. */
export function seesInternalNotes(actor: TActor): boolean {
  return actor.memberships.some((m) => m.role !== 'company_contact');
}

export function presentCompany(row: TCompanyRow, partnerships: TCompanyPartnershipRow[]): TCompany {
  return {
    id: row.id,
    cvr: row.cvr,
    name: row.name,
    address: row.address,
    postalCode: row.postalCode,
    city: row.city,
    industry: row.industry,
    db07Code: row.db07Code,
    sizeBand: row.sizeBand,
    website: row.website,
    status: row.status,
    isFictional: row.isFictional,
    partnerships: partnerships.map((p) => ({ id: p.id, name: p.name })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentContact(row: TCompanyContact): TCompanyContact {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
  };
}

/**
 * The company page. A company's own contact sees its facts and contacts; the partnership's notes
 * and the relationship history are the staff's working notes about the company and stay with them.
 */
export function presentCompanyDetail(
  actor: TActor,
  row: TCompanyRow,
  partnerships: TCompanyPartnershipRow[],
  contacts: TCompanyContact[],
  history: (Omit<TCompanyStatusEvent, 'changedAt'> & { changedAt: Date })[],
  notes: (Omit<TCompanyNote, 'createdAt'> & { createdAt: Date })[],
): TCompanyDetail {
  const internal = seesInternalNotes(actor);
  return {
    ...presentCompany(row, partnerships),
    contacts: contacts.map(presentContact),
    statusHistory: internal ? history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })) : [],
    notes: internal ? notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })) : [],
  };
}
