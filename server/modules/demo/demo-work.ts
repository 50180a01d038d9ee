import type { TCommitmentKind, TCommitmentPeriod } from '@domain/agreement.schema.ts';
import type { TAssignmentKind } from '@domain/assignment.schema.ts';
import type { TAskedKind, TDialogueOutcome, TNoReason } from '@domain/job-dialogue.schema.ts';
import type { TOpeningStatus } from '@domain/opening.schema.ts';
import { OPENING_TRANSITIONS } from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO, type TOpeningType } from '@domain/opening-types.ts';
import { CLAUSE_KIND_LABEL_DA, type TClauseKind } from '@domain/social-clause.schema.ts';
import { addDays, danishDate } from '@domain/time.ts';
import type { TDb, TDbOrTx } from '@server/db/client.ts';
import {
  agreementCommitments,
  agreementHousingOrganisations,
  agreements,
  assignmentAreas,
  assignments,
  companies,
  housingAreas,
  housingOrganisations,
  jobDialogueEvents,
  jobDialogues,
  memberships,
  notifications,
  openingReferrals,
  openingStatusChanges,
  openings,
  socialClauses,
  socialHousingPlans,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { renderNotification } from '@server/modules/notifications/notification-templates.ts';
import { withProgress } from '@server/modules/social-clauses/clause-fulfilment.ts';
import { eq, sql } from 'drizzle-orm';

// The demo's work (issue 3 item 11): what the housing organisations buy, the job dialogues about
// it in each outcome, social clauses (Houlkærvænget's renovation with three apprentices, behind
// pro rata), partnership agreements, and openings in several types and statuses. Dates are
// relative to the day the demo is loaded, so progress and due dates read sensibly whenever it is.

const WORK_MARKER = 'demo_work_version';
const WORK_VERSION = 1;

interface TDemoOpening {
  type: TOpeningType;
  title: string;
  occupationId: string;
  description: string;
  hoursPerWeek: number;
  evening?: boolean;
  endTime?: string;
  startInDays: number;
  positions: number;
  /** The statuses it went through after "new" (each must be allowed by the transitions). */
  path: TOpeningStatus[];
  /** Who registered it: the housing staff demo user or the company's portal user. */
  by: 'bolig' | 'virksomhed' | 'jobkonsulent';
  minAge?: number;
  /** Skill tags matching looks for (issue 5), in the words the demo residents' skills use. */
  skills?: string[];
  /** The fewest hours a week the job can be done with; omitted: the type's default. */
  minHoursPerWeek?: number;
}

interface TDemoAssignment {
  company: string;
  organisation: string;
  areas: string[];
  kind: TAssignmentKind;
  title: string;
  description: string;
  valueDkk: number | null;
  startInDays: number;
  endInDays: number;
  contractReference: string | null;
  clauses: { kind: TClauseKind; target: number; description: string | null }[];
  dialogue: {
    /** Days from today the dialogue was due (negative: in the past). */
    dueInDays: number;
    asked: TAskedKind[];
    outcome: TDialogueOutcome | null;
    reminderInDays?: number;
    noReason?: TNoReason;
    note?: string;
  };
  openings: TDemoOpening[];
}

const ASSIGNMENTS: TDemoAssignment[] = [
  {
    company: 'Houlkær Byg & Renovering (fiktiv)',
    organisation: 'Boligselskabet Viborg',
    areas: ['Houlkærvænget'],
    kind: 'renovation',
    title: 'Renovering af Houlkærvænget, etape 2',
    description: 'Nye facader, altaner og badeværelser i blok 4-7. Social klausul om tre lærlinge.',
    valueDkk: 48_500_000,
    startInDays: -250,
    endInDays: 115,
    contractReference: 'BSV-2026-014',
    clauses: [
      {
        kind: 'apprentices',
        target: 3,
        description: 'Entreprenøren beskæftiger mindst 3 lærlinge eller elever i kontraktperioden.',
      },
      { kind: 'trainee_weeks', target: 20, description: 'Praktikuger for ledige fra boligområdet.' },
    ],
    dialogue: {
      dueInDays: -150,
      asked: ['apprentice', 'site_trial'],
      outcome: 'opening_now',
      note: 'Henrik Holm vil gerne have en tømrerlærling fra området med det samme.',
    },
    openings: [
      {
        type: 'apprentice',
        title: 'Tømrerlærling – Houlkærvænget',
        skills: ['Førstehjælp', 'Kørekort B', 'Pålidelig'],
        occupationId: 'toemrer',
        description: 'Lærlingeplads på renoveringen af Houlkærvænget. Du lærer af erfarne svende.',
        hoursPerWeek: 37,
        startInDays: 20,
        positions: 1,
        path: ['referred', 'interviewing'],
        by: 'bolig',
      },
      {
        type: 'site_trial',
        title: 'Snusepraktik på byggepladsen',
        skills: ['Førstehjælp', 'Pålidelig'],
        minHoursPerWeek: 10,
        occupationId: 'murer',
        description: 'En uge på byggepladsen for unge, der overvejer en bygge-uddannelse.',
        hoursPerWeek: 20,
        startInDays: 10,
        positions: 2,
        path: ['referred'],
        by: 'bolig',
        minAge: 15,
      },
    ],
  },
  {
    company: 'Vestervang VVS (fiktiv)',
    organisation: 'Boligselskabet Viborg',
    areas: ['Vestervang', 'Klostervænget'],
    kind: 'maintenance',
    title: 'VVS-vedligehold og vagtordning',
    description: 'Løbende vedligehold af vand, varme og afløb samt døgnvagt.',
    valueDkk: 1_200_000,
    startInDays: -40,
    endInDays: 690,
    contractReference: 'BSV-2026-021',
    clauses: [
      {
        kind: 'local_hires',
        target: 2,
        description: 'To ansættelser af beboere fra Vestervang eller Klostervænget.',
      },
    ],
    dialogue: {
      dueInDays: -35,
      asked: ['apprentice', 'ordinary_job'],
      outcome: 'later',
      reminderInDays: 14,
      note: 'Per Pedersen får ny opgave i foråret og vil se på en lærling til den tid.',
    },
    openings: [],
  },
  {
    company: 'Klostermaleren (fiktiv)',
    organisation: 'Boligselskabet Viborg',
    areas: ['Klostervænget'],
    kind: 'maintenance',
    title: 'Malerarbejde i opgange',
    description: 'Maling af opgange og kældergange i Klostervænget.',
    valueDkk: 640_000,
    startInDays: -60,
    endInDays: 120,
    contractReference: null,
    clauses: [],
    dialogue: {
      dueInDays: -58,
      asked: ['apprentice', 'work_trial'],
      outcome: 'no',
      noReason: 'no_supervisor',
      note: 'Mona Maler er alene på opgaven og kan ikke oplære nogen i år.',
    },
    openings: [],
  },
  {
    company: 'Viborg El-service (fiktiv)',
    organisation: 'Boligselskabet Viborg',
    areas: ['Houlkærvænget', 'Vestervang'],
    kind: 'maintenance',
    title: 'Vedligehold af belysning og el-installationer',
    description: 'Udskiftning til LED i fællesarealer og løbende el-service.',
    valueDkk: 860_000,
    startInDays: -10,
    endInDays: 355,
    contractReference: 'BSV-2026-030',
    clauses: [],
    dialogue: { dueInDays: -3, asked: [], outcome: null },
    openings: [
      {
        type: 'apprentice',
        title: 'Elektrikerlærling',
        skills: ['Engelsk', 'Kørekort B'],
        occupationId: 'elektriker',
        description: 'Vi søger en elektrikerlærling til service i boligområderne.',
        hoursPerWeek: 37,
        startInDays: 45,
        positions: 1,
        path: ['referred'],
        by: 'virksomhed',
      },
      {
        type: 'leisure_job',
        title: 'Fritidsjob: hjælper på lageret',
        skills: ['Lager', 'Pålidelig'],
        occupationId: 'lagermedarbejder',
        description: 'Oprydning og varemodtagelse to eftermiddage om ugen.',
        hoursPerWeek: 6,
        startInDays: 14,
        positions: 1,
        path: ['referred', 'interviewing', 'filled'],
        by: 'virksomhed',
        minAge: 15,
      },
    ],
  },
  {
    company: 'Søvangen Anlæg og Have (fiktiv)',
    organisation: 'AAB Silkeborg',
    areas: ['Søvangen (fiktiv)', 'Resenbro Parken (fiktiv)'],
    kind: 'daily_operations',
    title: 'Grøn pleje af udearealer',
    description: 'Græsslåning, beskæring og vintertjeneste.',
    valueDkk: 2_300_000,
    startInDays: -200,
    endInDays: 165,
    contractReference: 'AAB-S-2025-07',
    clauses: [{ kind: 'local_hires', target: 1, description: null }],
    dialogue: { dueInDays: -190, asked: ['leisure_job'], outcome: 'opening_now' },
    openings: [
      {
        type: 'leisure_job',
        title: 'Fritidsjob i grønne områder',
        skills: ['Havearbejde'],
        occupationId: 'gartnermedhjaelper',
        description: 'Hjælp til græsslåning og oprydning efter skole.',
        hoursPerWeek: 8,
        startInDays: -100,
        positions: 2,
        path: ['referred', 'interviewing', 'partly_filled'],
        by: 'bolig',
        minAge: 15,
      },
    ],
  },
  {
    company: 'Gudenå Rengøring (fiktiv)',
    organisation: 'Arbejdernes Byggeforening',
    areas: ['Alderslyst Nord (fiktiv)'],
    kind: 'daily_operations',
    title: 'Trappevask og rengøring af fællesarealer',
    description: 'Ugentlig rengøring af opgange, vaskerier og fælleshuse.',
    valueDkk: 950_000,
    startInDays: -300,
    endInDays: 65,
    contractReference: null,
    clauses: [],
    dialogue: { dueInDays: -290, asked: ['part_time'], outcome: 'opening_now' },
    openings: [
      {
        type: 'part_time',
        title: 'Rengøringsassistent, deltid',
        skills: ['Rengøring', 'Kundeservice'],
        minHoursPerWeek: 15,
        occupationId: 'rengoeringsassistent',
        description: 'Morgenhold, 25 timer om ugen.',
        hoursPerWeek: 25,
        startInDays: -200,
        positions: 1,
        path: ['referred', 'closed_unfilled'],
        by: 'bolig',
      },
    ],
  },
  {
    company: 'Randers Revision (fiktiv)',
    organisation: 'Boligforeningen Gudenåen (fiktiv)',
    areas: [],
    kind: 'advisory',
    title: 'Revision af årsregnskab 2026',
    description: 'Revision af boligorganisationens og afdelingernes regnskaber.',
    valueDkk: 185_000,
    startInDays: -20,
    endInDays: 100,
    contractReference: 'BG-REV-2026',
    clauses: [],
    dialogue: { dueInDays: 0, asked: [], outcome: null },
    openings: [],
  },
  {
    company: 'Åparkens Kantine (fiktiv)',
    organisation: 'Boligforeningen Gudenåen (fiktiv)',
    areas: ['Åparken (fiktiv)'],
    kind: 'supply',
    title: 'Frokostordning i fælleshuset',
    description: 'Levering af frokost til beboerarrangementer.',
    valueDkk: null,
    startInDays: -90,
    endInDays: 275,
    contractReference: null,
    clauses: [],
    dialogue: { dueInDays: -85, asked: ['leisure_job', 'trainee'], outcome: 'opening_now' },
    openings: [
      {
        type: 'leisure_job',
        title: 'Køkkenhjælper i fritiden',
        skills: ['Hygiejnebevis', 'Madlavning'],
        occupationId: 'koekkenmedhjaelper',
        description: 'Opvask og anretning ved arrangementer, hverdage kl. 16-19.',
        hoursPerWeek: 6,
        evening: true,
        endTime: '19:00',
        startInDays: 30,
        positions: 1,
        path: ['cancelled'],
        by: 'bolig',
        minAge: 15,
      },
    ],
  },
];

interface TDemoAgreement {
  company: string;
  organisations: string[];
  title: string;
  startInDays: number;
  endInDays: number | null;
  signedInDays: number | null;
  commitments: { kind: TCommitmentKind; quantity: number; per: TCommitmentPeriod }[];
  note: string | null;
}

const AGREEMENTS: TDemoAgreement[] = [
  {
    company: 'Houlkær Byg & Renovering (fiktiv)',
    organisations: ['Boligselskabet Viborg', 'Boligselskabet Sct. Jørgen'],
    title: 'Partnerskabsaftale om lærlinge og snusepraktik',
    startInDays: -200,
    endInDays: 530,
    signedInDays: -205,
    commitments: [
      { kind: 'apprentices', quantity: 2, per: 'year' },
      { kind: 'site_trials', quantity: 4, per: 'year' },
    ],
    note: 'Aftalen gælder alle opgaver for de to boligorganisationer.',
  },
  {
    company: 'Viborg El-service (fiktiv)',
    organisations: ['Boligselskabet Viborg'],
    title: 'Aftale om fritidsjob og praktik',
    startInDays: 0,
    endInDays: 365,
    signedInDays: null,
    commitments: [
      { kind: 'leisure_jobs', quantity: 2, per: 'half_year' },
      { kind: 'work_trials', quantity: 1, per: 'quarter' },
    ],
    note: 'Udkast sendt til virksomheden til underskrift.',
  },
  {
    company: 'Alderslyst Ejendomsservice (fiktiv)',
    organisations: ['Arbejdernes Byggeforening'],
    title: 'Praktikaftale 2025',
    startInDays: -500,
    endInDays: -30,
    signedInDays: -510,
    commitments: [{ kind: 'trainee_weeks', quantity: 26, per: 'agreement' }],
    note: null,
  },
];

async function idsByName<T extends { id: string; name: string }>(rows: Promise<T[]>) {
  return new Map((await rows).map((r) => [r.name, r.id] as const));
}

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
  return v;
}

/** The status path must follow the opening transitions; a typo in the demo fails loudly. */
function checkPath(path: readonly TOpeningStatus[]) {
  let from: TOpeningStatus = 'new';
  for (const to of path) {
    if (!OPENING_TRANSITIONS[from].includes(to)) throw new Error(`Demo data: ${from} → ${to} is not allowed`);
    from = to;
  }
}

/** Loads the demo work once (its own marker, so older demo data dirs get it too). */
export async function loadDemoWork(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, WORK_MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74206004)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, WORK_MARKER));
    if (again) return false;
    await insertWork(tx, now);
    await tx.insert(systemSettings).values({ key: WORK_MARKER, value: WORK_VERSION });
    return true;
  });
}

async function insertWork(tx: TDbOrTx, now: Date) {
  const today = danishDate(now);
  const day = (n: number) => addDays(today, n);
  const at = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const companyIds = await idsByName(tx.select({ id: companies.id, name: companies.name }).from(companies));
  const orgs = await tx
    .select({
      id: housingOrganisations.id,
      name: housingOrganisations.name,
      partnershipId: housingOrganisations.partnershipId,
    })
    .from(housingOrganisations);
  const orgByName = new Map(orgs.map((o) => [o.name, o] as const));
  const areas = await tx
    .select({
      id: housingAreas.id,
      name: housingAreas.name,
      postalCode: housingAreas.postalCode,
      organisationId: housingAreas.housingOrganisationId,
    })
    .from(housingAreas);
  const userIds = await idsByName(tx.select({ id: users.id, name: users.email }).from(users));
  const bolig = need(userIds, 'bolig@jobbro.test', 'user');
  const portalUser = need(userIds, 'virksomhed@jobbro.test', 'user');
  const consultant = need(userIds, 'jobkonsulent@jobbro.test', 'user');
  const admin = need(userIds, 'admin@jobbro.test', 'user');
  // The Viborg job consultant and social worker (the demo's only ones) receive Viborg's openings.
  const socialWorker = need(userIds, 'boligsocial@jobbro.test', 'user');
  const [plan] = await tx
    .select({ partnershipId: socialHousingPlans.partnershipId })
    .from(memberships)
    .innerJoin(socialHousingPlans, eq(socialHousingPlans.id, memberships.socialHousingPlanId))
    .where(eq(memberships.userId, socialWorker));
  const referredPartnership = plan?.partnershipId ?? null;

  const period = (a: TDemoAssignment) => ({ periodStart: day(a.startInDays), periodEnd: day(a.endInDays) });
  for (const a of ASSIGNMENTS) {
    const org = need(orgByName, a.organisation, 'organisation');
    const companyId = need(companyIds, a.company, 'company');
    // Boligselskabet Viborg's work is registered by its demo user; the others by the secretariat.
    const staff = org.name === 'Boligselskabet Viborg' ? bolig : null;
    const createdAt = at(a.startInDays - 7);
    const [assignment] = await tx
      .insert(assignments)
      .values({
        partnershipId: org.partnershipId,
        companyId,
        housingOrganisationId: org.id,
        kind: a.kind,
        title: a.title,
        description: a.description,
        valueDkk: a.valueDkk,
        startDate: day(a.startInDays),
        endDate: day(a.endInDays),
        contractReference: a.contractReference,
        createdBy: staff ?? admin,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: assignments.id });
    const assignmentId = assignment!.id;
    const areaRows = a.areas.map((name) => {
      const area = areas.find((x) => x.name === name && x.organisationId === org.id);
      if (!area) throw new Error(`Demo data: area "${name}" is not ${org.name}'s`);
      return area;
    });
    if (areaRows.length > 0) {
      await tx.insert(assignmentAreas).values(areaRows.map((x) => ({ assignmentId, housingAreaId: x.id })));
    }
    const clauseIds: string[] = [];
    for (const c of a.clauses) {
      const [clause] = await tx
        .insert(socialClauses)
        .values({
          assignmentId,
          kind: c.kind,
          description: c.description,
          targetQuantity: c.target,
          ...period(a),
          responsibleUserId: staff,
          createdBy: staff ?? admin,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: socialClauses.id });
      clauseIds.push(clause!.id);
      const [withStatus] = await withProgress(
        tx,
        [{ id: clause!.id, assignmentId, kind: c.kind, targetQuantity: c.target, ...period(a) }],
        today,
      );
      if (withStatus!.progress.status === 'behind' && staff) {
        // What the daily 07:00 check would have said: the responsible person knows it is behind.
        const notice = renderNotification(
          {
            kind: 'clause_behind',
            assignmentTitle: a.title,
            clauseLabel: CLAUSE_KIND_LABEL_DA[c.kind],
            expected: withStatus!.progress.expectedByToday,
            actual: withStatus!.progress.fulfilled,
          },
          'da',
          null,
        );
        await tx.insert(notifications).values({
          userId: staff,
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          link: `/assignments/${assignmentId}`,
          entityType: 'social_clause',
          entityId: clause!.id,
          createdAt: at(-1),
        });
        await tx
          .update(socialClauses)
          .set({ behindNotifiedAt: at(-1) })
          .where(eq(socialClauses.id, clause!.id));
      }
    }

    // The openings that came of the dialogue.
    const openingIds: string[] = [];
    for (const o of a.openings) {
      checkPath(o.path);
      const info = OPENING_TYPE_INFO[o.type];
      const creator = o.by === 'virksomhed' ? portalUser : o.by === 'jobkonsulent' ? consultant : bolig;
      const openedAt = at(Math.min(o.startInDays - 30, -1));
      const area = areaRows[0];
      const [opening] = await tx
        .insert(openings)
        .values({
          partnershipId: org.partnershipId,
          companyId,
          housingOrganisationId: org.id,
          housingAreaId: area?.id ?? null,
          assignmentId,
          socialClauseId:
            o.type === 'apprentice' && a.clauses[0]?.kind === 'apprentices' ? clauseIds[0] : null,
          type: o.type,
          title: o.title,
          occupationId: o.occupationId,
          description: o.description,
          hoursPerWeek: o.hoursPerWeek,
          minHoursPerWeek: o.minHoursPerWeek ?? null,
          skills: o.skills ?? [],
          scheduleDay: !o.evening,
          scheduleEvening: o.evening ?? false,
          scheduleWeekend: false,
          endTime: o.endTime ?? null,
          startDate: day(o.startInDays),
          endDate: info.durationWeeks ? day(o.startInDays + info.durationWeeks * 7) : null,
          positions: o.positions,
          postalCode: area?.postalCode ?? '8800',
          city: cityOf(a.organisation),
          minAge: o.minAge ?? info.minAge,
          maxAge: info.maxAge,
          status: o.path.at(-1) ?? 'new',
          createdBy: creator,
          createdAt: openedAt,
          updatedAt: openedAt,
          referredAt: o.path.includes('referred') ? openedAt : null,
        })
        .returning({ id: openings.id });
      const openingId = opening!.id;
      openingIds.push(openingId);
      let from: TOpeningStatus | null = null;
      for (const [i, to] of (['new', ...o.path] as TOpeningStatus[]).entries()) {
        await tx.insert(openingStatusChanges).values({
          openingId,
          fromStatus: from,
          toStatus: to,
          byUserId: to === 'new' || to === 'referred' ? creator : consultant,
          // "referred" follows "new" at once (the dual referral); later steps a few days apart.
          at: new Date(openedAt.getTime() + Math.max(0, i - 1) * 3 * 86_400_000),
          note: to === 'referred' ? 'Henvist automatisk til jobkonsulent og boligsocial medarbejder.' : null,
        });
        from = to;
      }
      if (o.path.includes('referred') && org.partnershipId === referredPartnership) {
        await tx.insert(openingReferrals).values([
          { openingId, userId: consultant, role: 'job_consultant', notifiedAt: openedAt },
          { openingId, userId: socialWorker, role: 'social_worker', notifiedAt: openedAt },
        ]);
        // Their bells: still unread while the opening waits for candidates.
        const notice = renderNotification(
          {
            kind: 'opening_referred',
            openingTitle: o.title,
            companyName: a.company,
            openingTypeLabel: info.labelDa,
            positions: o.positions,
            workplace: null,
            startDate: day(o.startInDays),
          },
          'da',
          null,
        );
        for (const userId of [consultant, socialWorker]) {
          await tx.insert(notifications).values({
            userId,
            kind: notice.kind,
            title: notice.title,
            body: notice.body,
            link: `/openings/${openingId}`,
            entityType: 'opening',
            entityId: openingId,
            createdAt: openedAt,
            readAt: o.path.at(-1) === 'referred' ? null : at(-1),
          });
        }
      }
    }

    const d = a.dialogue;
    const dialogueCreated = createdAt;
    const dueDate =
      d.outcome === 'later' && d.reminderInDays !== undefined ? day(d.reminderInDays) : day(d.dueInDays);
    const [dialogue] = await tx
      .insert(jobDialogues)
      .values({
        assignmentId,
        dueDate,
        assignedTo: staff,
        askedKinds: d.asked,
        outcome: d.outcome,
        reminderDate: d.reminderInDays !== undefined ? day(d.reminderInDays) : null,
        noReason: d.noReason ?? null,
        note: d.note ?? null,
        openingId: d.outcome === 'opening_now' ? (openingIds[0] ?? null) : null,
        createdBy: staff ?? admin,
        createdAt: dialogueCreated,
        updatedAt: d.outcome ? at(d.dueInDays + 1) : dialogueCreated,
      })
      .returning({ id: jobDialogues.id });
    await tx.insert(jobDialogueEvents).values({
      jobDialogueId: dialogue!.id,
      kind: 'created',
      byUserId: staff ?? admin,
      at: dialogueCreated,
    });
    if (d.outcome) {
      await tx.insert(jobDialogueEvents).values({
        jobDialogueId: dialogue!.id,
        kind: 'outcome',
        askedKinds: d.asked,
        outcome: d.outcome,
        reminderDate: d.reminderInDays !== undefined ? day(d.reminderInDays) : null,
        noReason: d.noReason ?? null,
        note: d.note ?? null,
        byUserId: staff ?? admin,
        at: at(d.dueInDays + 1),
      });
    }
  }

  for (const g of AGREEMENTS) {
    const createdAt = at(g.startInDays - 14);
    const [agreement] = await tx
      .insert(agreements)
      .values({
        companyId: need(companyIds, g.company, 'company'),
        title: g.title,
        periodStart: day(g.startInDays),
        periodEnd: g.endInDays === null ? null : day(g.endInDays),
        signedOn: g.signedInDays === null ? null : day(g.signedInDays),
        note: g.note,
        createdBy: g.organisations.includes('Boligselskabet Viborg') ? bolig : admin,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: agreements.id });
    await tx.insert(agreementHousingOrganisations).values(
      g.organisations.map((name) => ({
        agreementId: agreement!.id,
        housingOrganisationId: need(orgByName, name, 'organisation').id,
      })),
    );
    await tx
      .insert(agreementCommitments)
      .values(g.commitments.map((c, position) => ({ agreementId: agreement!.id, ...c, position })));
  }
}

function cityOf(organisation: string): string {
  // The demo's organisations sit in one city each (demo-data.ts).
  if (organisation.includes('Silkeborg') || organisation === 'Arbejdernes Byggeforening') return 'Silkeborg';
  if (organisation.includes('Gudenåen')) return 'Randers';
  return 'Viborg';
}

/** For the demo test: the assignments whose dialogues end in each outcome. */
export const DEMO_DIALOGUE_OUTCOMES = [...new Set(ASSIGNMENTS.map((a) => a.dialogue.outcome))];
export const DEMO_HOULKAER_TITLE = ASSIGNMENTS[0]!.title;
