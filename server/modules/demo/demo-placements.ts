import { candidatesForOpening, scoreSnapshotOf } from '@domain/matching/match.ts';
import type { TMatchContext } from '@domain/matching/match-inputs.ts';
import type { TOpeningStatus } from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO, type TOpeningType } from '@domain/opening-types.ts';
import type {
  TCheckInContact,
  TCheckInStatus,
  TPlacementEndReason,
  TPlacementStatus,
} from '@domain/placement.schema.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import type { TRetentionOutcome, TTrialOutcome } from '@domain/reports/retention.ts';
import { followUpPlan } from '@domain/rules/follow-up-schedule.ts';
import { addDays, danishDate } from '@domain/time.ts';
import type { TDb, TDbOrTx } from '@server/db/client.ts';
import {
  assignments,
  companies,
  escalations,
  followUps,
  municipalities,
  notifications,
  openingStatusChanges,
  openings,
  partnerships,
  placements,
  proposalStatusChanges,
  proposals,
  residents,
  socialClauses,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import {
  loadAreaNames,
  loadMatchOpenings,
  loadMatchResidents,
  loadMatchSettings,
} from '@server/modules/matching/match-data.repository.ts';
import { renderNotification } from '@server/modules/notifications/notification-templates.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';

// Demo hires and their follow-up (issue 6), in Viborg: placements in every state, check-ins done,
// due today and overdue, one open escalation, and 6- and 12-month outcomes that give a visible
// retention figure. Each placement fills an opening of its own, dated back to when it was found,
// so the open demo openings stay open for matching. One apprentice placement counts for the
// Houlkærvænget renovation's clause ("1 af 3"). And one candidate is sent to Viborg El-service,
// so the company portal (virksomhed@) has someone to invite and hire.

const PLACEMENTS_MARKER = 'demo_placements_version';
const PLACEMENTS_VERSION = 1;
const DAY_MS = 86_400_000;

interface TDemoCheckIn {
  status: TCheckInStatus;
  contactedWith: TCheckInContact;
  notes: string;
  actionTaken?: string;
  retention?: TRetentionOutcome;
  trial?: TTrialOutcome;
}

interface TDemoPlacement {
  company: string;
  /** Counts for this assignment's first clause (the Houlkærvænget renovation). */
  assignment?: string;
  type: TOpeningType;
  title: string;
  occupationId: string;
  hoursPerWeek: number;
  /** Days before the load day the person started. */
  startedDaysAgo: number;
  /** Length of a fixed-term placement in days (trials, subsidies). */
  lengthDays?: number;
  status: TPlacementStatus;
  end?: { afterDays: number; reason?: TPlacementEndReason; note?: string };
  /** What the check-ins found, by the plan's key; the rest stay planned (or cancelled after an early end). */
  checkIns: Record<string, TDemoCheckIn>;
}

const WELL = (notes: string, extra: Partial<TDemoCheckIn> = {}): TDemoCheckIn => ({
  status: 'going_well',
  contactedWith: 'both',
  notes,
  ...extra,
});

const PLACEMENTS: TDemoPlacement[] = [
  {
    company: 'Alderslyst Ejendomsservice (fiktiv)',
    type: 'full_time',
    title: 'Ejendomsservicemedarbejder',
    occupationId: 'ejendomsservicetekniker',
    hoursPerWeek: 37,
    startedDaysAgo: 400,
    status: 'active',
    checkIns: {
      week_1: WELL('God start. Møder stabilt og er glad for holdet.'),
      month_1: WELL('Har fået faste opgaver i to afdelinger.'),
      month_3: WELL('Lederen vil gerne forlænge.', { contactedWith: 'company' }),
      month_6: WELL('Fastansat. Stadig glad for jobbet.', { retention: 'in_job' }),
      month_12: WELL('Stadig i jobbet efter et år.', { retention: 'in_job', contactedWith: 'resident' }),
    },
  },
  {
    company: 'Vestervang VVS (fiktiv)',
    type: 'part_time',
    title: 'Hjælper i VVS-service, deltid',
    occupationId: 'vvs',
    hoursPerWeek: 25,
    startedDaysAgo: 250,
    status: 'education',
    end: { afterDays: 170, note: 'Startet på VVS-uddannelsen efter sommerferien.' },
    checkIns: {
      week_1: WELL('Har fundet sig godt til rette.'),
      month_1: WELL('Vil gerne uddanne sig i faget.'),
      month_3: WELL('Søgt ind på erhvervsuddannelse med virksomhedens hjælp.'),
      month_6: WELL('Begyndt på uddannelsen.', { retention: 'in_education', contactedWith: 'resident' }),
    },
  },
  {
    company: 'Klostermaleren (fiktiv)',
    type: 'wage_subsidy',
    title: 'Malerhjælper med løntilskud',
    occupationId: 'maler',
    hoursPerWeek: 30,
    startedDaysAgo: 215,
    lengthDays: 182,
    status: 'ended_early',
    end: { afterDays: 60, reason: 'resident_quit', note: 'Stoppede efter to måneder.' },
    checkIns: {
      week_1: WELL('Går fint den første uge.'),
      month_1: {
        status: 'at_risk',
        contactedWith: 'both',
        notes: 'Kommer for sent flere gange. Aftalt faste mødetider.',
        actionTaken: 'Trepartssamtale med mester.',
      },
      month_6: {
        status: 'ended',
        contactedWith: 'resident',
        notes: 'Har ikke fundet andet arbejde endnu. Vil gerne have hjælp.',
        retention: 'neither',
      },
    },
  },
  {
    company: 'Viborg El-service (fiktiv)',
    type: 'work_trial',
    title: 'Virksomhedspraktik: lager og service',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 20,
    startedDaysAgo: 150,
    lengthDays: 56,
    status: 'converted',
    end: { afterDays: 56, note: 'Ansat i ordinært deltidsjob på lageret efter praktikken.' },
    checkIns: {
      week_1: WELL('Praktikken er godt i gang.'),
      month_1: WELL('Virksomheden overvejer at ansætte.', { contactedWith: 'company' }),
      trial_end: WELL('Ansat på ordinære vilkår.', { trial: 'job' }),
    },
  },
  {
    company: 'Houlkær Byg & Renovering (fiktiv)',
    type: 'site_trial',
    title: 'Snusepraktik på byggepladsen, hold 1',
    occupationId: 'murer',
    hoursPerWeek: 20,
    startedDaysAgo: 60,
    lengthDays: 27,
    status: 'completed',
    end: { afterDays: 27 },
    checkIns: {
      week_1: WELL('Nysgerrig og mødestabil.'),
      week_2: WELL('Har prøvet murer- og tømrerarbejde.'),
      week_3: WELL('Vil gerne være murer.'),
      week_4: WELL('Søger ind på mureruddannelsen.', { trial: 'education', contactedWith: 'resident' }),
    },
  },
  {
    company: 'Houlkær Byg & Renovering (fiktiv)',
    assignment: 'Renovering af Houlkærvænget, etape 2',
    type: 'apprentice',
    title: 'Tømrerlærling – Houlkærvænget, hold 1',
    occupationId: 'toemrer',
    hoursPerWeek: 37,
    startedDaysAgo: 100,
    status: 'active',
    // 1 week and 1 month done; the 3-month check-in is ten days overdue.
    checkIns: {
      week_1: WELL('Glad for at være i gang.'),
      month_1: WELL('Svenden roser indsatsen.', { contactedWith: 'company' }),
    },
  },
  {
    company: 'Viborg El-service (fiktiv)',
    type: 'part_time',
    title: 'Servicemedarbejder, deltid',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 20,
    startedDaysAgo: 20,
    status: 'active',
    // The open escalation: the 1-week check-in found a risk nobody has resolved yet.
    checkIns: {
      week_1: {
        status: 'at_risk',
        contactedWith: 'both',
        notes: 'Usikker på transporten til tidlige vagter.',
        actionTaken: 'Undersøger samkørsel med en kollega.',
      },
    },
  },
  {
    company: 'Vestervang VVS (fiktiv)',
    type: 'full_time',
    title: 'Servicemontør',
    occupationId: 'vvs',
    hoursPerWeek: 37,
    // The 1-week check-in is due today.
    startedDaysAgo: 7,
    status: 'active',
    checkIns: {},
  },
];

async function viborgContext(tx: TDbOrTx) {
  const [viborg] = await tx
    .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
    .from(partnerships)
    .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
    .where(eq(municipalities.code, '791'));
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      inArray(users.email, ['jobkonsulent@jobbro.test', 'boligsocial@jobbro.test', 'virksomhed@jobbro.test']),
    );
  const by = (email: string) => people.find((u) => u.email === email);
  return {
    viborg,
    consultant: by('jobkonsulent@jobbro.test'),
    worker: by('boligsocial@jobbro.test'),
    portal: by('virksomhed@jobbro.test'),
  };
}

export async function loadDemoPlacements(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, PLACEMENTS_MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74206011)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, PLACEMENTS_MARKER));
    if (again) return false;
    const { viborg, consultant, worker, portal } = await viborgContext(tx);
    if (!viborg || !consultant || !worker || !portal) return false;
    const today = danishDate(now);
    const dayAt = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);

    // Adults both sides see (area in the plan, consent (a)), not already proposed or placed.
    const taken = new Set([
      ...(await tx.select({ id: proposals.residentId }).from(proposals)).map((r) => r.id),
      ...(await tx.select({ id: placements.residentId }).from(placements)).map((r) => r.id),
    ]);
    const pool = (await loadMatchResidents(tx, today)).filter(
      (r) =>
        r.match.municipalityId === viborg.municipalityId &&
        r.sharing &&
        r.areaPlanId !== null &&
        r.match.consentToMatch &&
        r.match.status === 'active' &&
        r.match.birthDate <= addDays(today, -18 * 366) &&
        r.match.birthDate >= addDays(today, -60 * 365) &&
        !taken.has(r.match.id),
    );
    if (pool.length < PLACEMENTS.length + 1) return false;

    const companyRows = await tx.select({ id: companies.id, name: companies.name }).from(companies);
    const companyId = (name: string) => companyRows.find((c) => c.name === name)?.id;

    // A candidate sent to Viborg El-service for its open apprenticeship: the portal's first task.
    const settings = await loadMatchSettings(tx, viborg.id);
    const context: TMatchContext = {
      today,
      settings,
      proposedPairs: new Set(),
      declines: [],
      areaNames: await loadAreaNames(tx),
    };
    const elServiceOpening = (await loadMatchOpenings(tx)).find(
      (o) => o.title === 'Elektrikerlærling' && o.companyName === 'Viborg El-service (fiktiv)',
    );
    const used = new Set<string>();
    if (elServiceOpening) {
      const best = candidatesForOpening(
        elServiceOpening.match,
        pool.map((r) => r.match),
        context,
      ).candidates[0];
      if (best) {
        used.add(best.residentId);
        await sendToCompany(tx, {
          partnershipId: viborg.id,
          opening: elServiceOpening,
          residentId: best.residentId,
          score: best.score,
          snapshot: scoreSnapshotOf(best),
          consultantId: consultant.id,
          portalUserId: portal.id,
          start: dayAt(3),
        });
      }
    }

    let made = 0;
    for (const [i, p] of PLACEMENTS.entries()) {
      const company = companyId(p.company);
      const person = pool.find((r) => !used.has(r.match.id));
      if (!company || !person) continue;
      used.add(person.match.id);
      const [assignment] = p.assignment
        ? await tx
            .select({ id: assignments.id, clauseId: socialClauses.id })
            .from(assignments)
            .leftJoin(
              socialClauses,
              and(eq(socialClauses.assignmentId, assignments.id), eq(socialClauses.kind, 'apprentices')),
            )
            .where(eq(assignments.title, p.assignment))
        : [];
      const startDate = addDays(today, -p.startedDaysAgo);
      const endDate = p.end
        ? addDays(startDate, p.end.afterDays)
        : p.lengthDays
          ? addDays(startDate, p.lengthDays)
          : null;
      const openedDaysAgo = p.startedDaysAgo + 30 + i;
      const openedAt = dayAt(openedDaysAgo);
      const hiredAt = dayAt(p.startedDaysAgo + 10);
      const openingId = await insertFilledOpening(tx, {
        partnershipId: viborg.id,
        companyId: company,
        assignmentId: assignment?.id ?? null,
        socialClauseId: assignment?.clauseId ?? null,
        type: p.type,
        title: p.title,
        occupationId: p.occupationId,
        hoursPerWeek: p.hoursPerWeek,
        startDate,
        endDate: p.lengthDays ? addDays(startDate, p.lengthDays) : null,
        openedAt,
        filledAt: hiredAt,
        consultantId: consultant.id,
      });
      const [placement] = await tx
        .insert(placements)
        .values({
          partnershipId: viborg.id,
          companyId: company,
          openingId,
          residentId: person.match.id,
          assignmentId: assignment?.id ?? null,
          socialClauseId: assignment?.clauseId ?? null,
          type: p.type,
          status: p.status,
          startDate,
          endDate,
          hoursPerWeek: p.hoursPerWeek,
          wageSubsidy: p.type === 'wage_subsidy' ? 'private' : 'none',
          isLocalHire: Boolean(assignment),
          followUpOwnerId: consultant.id,
          hiredAt,
          hiredBy: consultant.id,
          daysToHire: openedDaysAgo - (p.startedDaysAgo + 10),
          endReason: p.end?.reason ?? null,
          endNote: p.end?.note ?? null,
          endedAt: p.end ? dayAt(p.startedDaysAgo - p.end.afterDays) : null,
          endedBy: p.end ? consultant.id : null,
          createdAt: hiredAt,
          updatedAt: hiredAt,
        })
        .returning({ id: placements.id });
      const placementId = placement!.id;
      const plan = followUpPlan({ type: p.type, startDate, endDate: p.lengthDays ? endDate : null });
      const ended = p.end && p.status === 'ended_early' ? addDays(startDate, p.end.afterDays) : null;
      let atRisk: { followUpId: string; reason: string; at: Date } | null = null;
      for (const step of plan) {
        const found = p.checkIns[step.key];
        // After an early end only the retention check-ins remain (efterværn asks about the person).
        const cancelled = !found && ended !== null && step.dueDate > ended && step.measures === null;
        // Done on its day, in the morning (never in the future).
        const recordedAt = found
          ? new Date(Math.min(Date.parse(`${step.dueDate}T08:30:00Z`), now.getTime()))
          : null;
        const [row] = await tx
          .insert(followUps)
          .values({
            placementId,
            key: step.key,
            dueDate: step.dueDate,
            measures: step.measures,
            state: found ? 'done' : cancelled ? 'cancelled' : 'planned',
            assignedTo: consultant.id,
            recordedAt,
            recordedBy: found ? consultant.id : null,
            contactedWith: found?.contactedWith ?? null,
            status: found?.status ?? null,
            notes: found?.notes ?? null,
            actionTaken: found?.actionTaken ?? null,
            retentionOutcome:
              found && step.measures?.startsWith('retention') ? (found.retention ?? 'unknown') : null,
            trialOutcome: found && step.measures === 'trial_outcome' ? (found.trial ?? 'other') : null,
            createdAt: hiredAt,
            updatedAt: recordedAt ?? hiredAt,
          })
          .returning({ id: followUps.id });
        if (found?.status === 'at_risk' && p.status === 'active' && recordedAt)
          atRisk = { followUpId: row!.id, reason: found.notes, at: recordedAt };
      }
      if (atRisk) {
        await tx.insert(escalations).values({
          placementId,
          source: 'check_in',
          followUpId: atRisk.followUpId,
          reason: atRisk.reason,
          openedBy: consultant.id,
          openedAt: atRisk.at,
        });
        const rendered = renderNotification(
          { kind: 'placement_at_risk', companyName: p.company, openingTitle: p.title, source: 'check_in' },
          'da',
          null,
        );
        for (const userId of [consultant.id, worker.id]) {
          await tx.insert(notifications).values({
            userId,
            kind: rendered.kind,
            title: rendered.title,
            body: rendered.body,
            link: `/placements/${placementId}`,
            entityType: 'placement',
            entityId: placementId,
            createdAt: atRisk.at,
          });
        }
      }
      // Each status change is dated when it happened (the case history's trigger records it at
      // updated_at): a hire when the job starts, a trial's job or an education when it ended in one.
      const startedAt = dayAt(p.startedDaysAgo);
      const endedAt = p.end ? dayAt(p.startedDaysAgo - p.end.afterDays) : startedAt;
      if (p.status === 'active' && p.type !== 'work_trial' && p.type !== 'site_trial') {
        await tx
          .update(residents)
          .set({ status: 'in_job', updatedAt: startedAt })
          .where(eq(residents.id, person.match.id));
      } else if (p.status === 'converted') {
        await tx
          .update(residents)
          .set({ status: 'in_job', updatedAt: endedAt })
          .where(eq(residents.id, person.match.id));
      } else if (p.status === 'education') {
        await tx
          .update(residents)
          .set({ status: 'in_education', updatedAt: endedAt })
          .where(eq(residents.id, person.match.id));
      }
      made += 1;
    }
    await tx.insert(systemSettings).values({ key: PLACEMENTS_MARKER, value: PLACEMENTS_VERSION });
    return made > 0;
  });
}

/** An opening that was found, referred, proposed for and filled: the placement's own history. */
async function insertFilledOpening(
  tx: TDbOrTx,
  o: {
    partnershipId: string;
    companyId: string;
    assignmentId: string | null;
    socialClauseId: string | null;
    type: TOpeningType;
    title: string;
    occupationId: string;
    hoursPerWeek: number;
    startDate: string;
    endDate: string | null;
    openedAt: Date;
    filledAt: Date;
    consultantId: string;
  },
): Promise<string> {
  const info = OPENING_TYPE_INFO[o.type];
  const [row] = await tx
    .insert(openings)
    .values({
      partnershipId: o.partnershipId,
      companyId: o.companyId,
      assignmentId: o.assignmentId,
      socialClauseId: o.socialClauseId,
      type: o.type,
      title: o.title,
      occupationId: o.occupationId,
      hoursPerWeek: o.hoursPerWeek,
      scheduleDay: true,
      scheduleEvening: false,
      scheduleWeekend: false,
      startDate: o.startDate,
      endDate: o.endDate,
      positions: 1,
      postalCode: '8800',
      city: 'Viborg',
      minAge: Math.max(18, info.minAge),
      maxAge: info.maxAge,
      status: 'filled',
      createdBy: o.consultantId,
      createdAt: o.openedAt,
      updatedAt: o.filledAt,
      referredAt: o.openedAt,
      firstProposalAt: new Date(o.openedAt.getTime() + 3 * DAY_MS),
    })
    .returning({ id: openings.id });
  const steps: TOpeningStatus[] = ['new', 'referred', 'proposals', 'interviewing', 'filled'];
  const times = [o.openedAt, o.openedAt, new Date(o.openedAt.getTime() + 3 * DAY_MS), null, o.filledAt];
  times[3] = new Date((times[2]!.getTime() + o.filledAt.getTime()) / 2);
  await tx.insert(openingStatusChanges).values(
    steps.map((to, i) => ({
      openingId: row!.id,
      fromStatus: i === 0 ? null : steps[i - 1]!,
      toStatus: to,
      byUserId: o.consultantId,
      at: times[i]!,
      note: to === 'filled' ? 'Alle stillinger er besat.' : null,
    })),
  );
  return row!.id;
}

/** A proposal the resident agreed to and the job consultant sent to the company, as in the real flow. */
async function sendToCompany(
  tx: TDbOrTx,
  p: {
    partnershipId: string;
    opening: Awaited<ReturnType<typeof loadMatchOpenings>>[number];
    residentId: string;
    score: number;
    snapshot: ReturnType<typeof scoreSnapshotOf>;
    consultantId: string;
    portalUserId: string;
    start: Date;
  },
): Promise<void> {
  const at = (step: number) => new Date(p.start.getTime() + step * DAY_MS);
  const path: TProposalStatus[] = ['awaiting_resident', 'resident_agreed', 'sent_to_company'];
  const [row] = await tx
    .insert(proposals)
    .values({
      partnershipId: p.partnershipId,
      openingId: p.opening.match.id,
      residentId: p.residentId,
      companyId: p.opening.match.companyId,
      occupationId: p.opening.match.occupationId,
      status: 'sent_to_company',
      score: p.score,
      scoreSnapshot: p.snapshot,
      note: 'Har været i praktik hos en elinstallatør.',
      proposedBy: p.consultantId,
      proposedAt: p.start,
      residentAnsweredAt: at(1),
      residentAnswerRecordedBy: p.consultantId,
      sentToCompanyAt: at(2),
      sentBy: p.consultantId,
      createdAt: p.start,
      updatedAt: at(2),
    })
    .returning({ id: proposals.id });
  await tx.insert(proposalStatusChanges).values(
    path.map((to, step) => ({
      proposalId: row!.id,
      fromStatus: step === 0 ? null : path[step - 1]!,
      toStatus: to,
      byUserId: p.consultantId,
      at: at(step),
      note: null,
    })),
  );
  const moved = await tx
    .update(openings)
    .set({ firstProposalAt: p.start, status: 'proposals' })
    .where(and(eq(openings.id, p.opening.match.id), eq(openings.status, 'referred')))
    .returning({ id: openings.id });
  if (moved.length > 0) {
    await tx.insert(openingStatusChanges).values({
      openingId: p.opening.match.id,
      fromStatus: 'referred',
      toStatus: 'proposals',
      byUserId: p.consultantId,
      at: p.start,
      note: 'Første kandidat er foreslået.',
    });
  }
  const rendered = renderNotification(
    { kind: 'proposal_sent_to_company', openingTitle: p.opening.title },
    'da',
    null,
  );
  await tx.insert(notifications).values({
    userId: p.portalUserId,
    kind: rendered.kind,
    title: rendered.title,
    body: rendered.body,
    link: `/company/proposals/${row!.id}`,
    entityType: 'proposal',
    entityId: row!.id,
    createdAt: at(2),
  });
}
