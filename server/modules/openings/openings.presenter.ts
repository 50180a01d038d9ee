import type { TOpening, TOpeningDetail, TOpeningListItem } from '@domain/opening.schema.ts';
import type { referralsOf, statusHistory, TOpeningRow } from './openings.repository.ts';

/** The only shape an opening leaves the server in. */
export function presentOpening(r: TOpeningRow): TOpening {
  const o = r.row;
  return {
    id: o.id,
    partnershipId: o.partnershipId,
    partnershipName: r.partnershipName,
    companyId: o.companyId,
    companyName: r.companyName,
    housingOrganisationId: o.housingOrganisationId,
    housingAreaId: o.housingAreaId,
    assignmentId: o.assignmentId,
    socialClauseId: o.socialClauseId,
    type: o.type,
    title: o.title,
    occupationId: o.occupationId,
    description: o.description,
    hoursPerWeek: o.hoursPerWeek,
    minHoursPerWeek: o.minHoursPerWeek,
    skills: o.skills,
    scheduleDay: o.scheduleDay,
    scheduleEvening: o.scheduleEvening,
    scheduleWeekend: o.scheduleWeekend,
    endTime: o.endTime,
    startDate: o.startDate,
    endDate: o.endDate,
    positions: o.positions,
    postalCode: o.postalCode,
    city: o.city,
    driverLicence: o.driverLicence,
    minDanishLevel: o.minDanishLevel,
    certificates: o.certificates,
    minAge: o.minAge,
    maxAge: o.maxAge,
    applicationDeadline: o.applicationDeadline,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    status: o.status,
    createdAt: o.createdAt.toISOString(),
    referredAt: o.referredAt?.toISOString() ?? null,
  };
}

/** List rows leave out the contact person, so listing needs no audit event per row. */
export function presentOpeningListItem(r: TOpeningRow): TOpeningListItem {
  const { contactName: _n, contactEmail: _e, contactPhone: _p, ...rest } = presentOpening(r);
  return rest;
}

export function presentOpeningDetail(
  r: TOpeningRow,
  referrals: Awaited<ReturnType<typeof referralsOf>>,
  history: Awaited<ReturnType<typeof statusHistory>>,
): TOpeningDetail {
  const first = r.row.firstProposalAt;
  return {
    ...presentOpening(r),
    firstProposalAt: first?.toISOString() ?? null,
    hoursToFirstProposal: first
      ? Math.round((first.getTime() - r.row.createdAt.getTime()) / 360_000) / 10
      : null,
    referrals: referrals.map((x) => ({
      ...x,
      notifiedAt: x.notifiedAt.toISOString(),
      mailSentAt: x.mailSentAt?.toISOString() ?? null,
    })),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}
