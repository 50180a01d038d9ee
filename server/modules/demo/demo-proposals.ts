import { candidatesForOpening, scoreSnapshotOf } from '@domain/matching/match.ts';
import { pairKey, type TMatchContext } from '@domain/matching/match-inputs.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import { danishDate } from '@domain/time.ts';
import type { TDb } from '@server/db/client.ts';
import {
  municipalities,
  notifications,
  openingStatusChanges,
  openings,
  partnerships,
  proposalStatusChanges,
  proposals,
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
import { and, eq, isNull, sql } from 'drizzle-orm';

// Demo proposals (issue 5): in Viborg, one proposal in each status of the professional side, made
// by the demo job consultant and social worker for the best candidates the matching core finds
// among the demo residents both of them see, with the core's score snapshot. The same every time
// (the core's order decides), dated just before the day they are loaded.

const PROPOSALS_MARKER = 'demo_proposals_version';
const PROPOSALS_VERSION = 1;

/** The path each demo proposal walked, and who proposed it. */
const PATHS: { path: TProposalStatus[]; by: 'consultant' | 'worker' }[] = [
  { path: ['awaiting_resident'], by: 'consultant' },
  { path: ['awaiting_resident', 'resident_agreed'], by: 'worker' },
  { path: ['awaiting_resident', 'resident_agreed', 'sent_to_company'], by: 'consultant' },
  { path: ['awaiting_resident', 'resident_declined'], by: 'worker' },
  { path: ['awaiting_resident', 'withdrawn'], by: 'consultant' },
];

export async function loadDemoProposals(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, PROPOSALS_MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74206010)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, PROPOSALS_MARKER));
    if (again) return false;
    const [viborg] = await tx
      .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
      .from(partnerships)
      .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
      .where(eq(municipalities.code, '791'));
    const people = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(sql`${users.email} in ('jobkonsulent@jobbro.test', 'boligsocial@jobbro.test')`);
    const consultant = people.find((u) => u.email === 'jobkonsulent@jobbro.test');
    const worker = people.find((u) => u.email === 'boligsocial@jobbro.test');
    if (!viborg || !consultant || !worker) return false;

    const today = danishDate(now);
    const settings = await loadMatchSettings(tx, viborg.id);
    // People both sides see: living in an area of the plan, with consent (a) to share.
    const residents = (await loadMatchResidents(tx, today))
      .filter((r) => r.match.municipalityId === viborg.municipalityId && r.sharing && r.areaPlanId !== null)
      .map((r) => r.match);
    const open = (await loadMatchOpenings(tx))
      .filter((o) => o.partnershipId === viborg.id && (o.status === 'referred' || o.status === 'proposals'))
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    if (open.length === 0 || residents.length === 0) return false;
    const context: TMatchContext = {
      today,
      settings,
      proposedPairs: new Set<string>(),
      declines: [],
      areaNames: await loadAreaNames(tx),
    };

    const used = new Set<string>();
    let made = 0;
    for (const [i, plan] of PATHS.entries()) {
      const opening = open[i % open.length]!;
      const best = candidatesForOpening(opening.match, residents, context).candidates.find(
        (c) => !used.has(c.residentId),
      );
      if (!best) continue;
      used.add(best.residentId);
      context.proposedPairs = new Set([...context.proposedPairs, pairKey(best.residentId, opening.match.id)]);
      const by = plan.by === 'consultant' ? consultant : worker;
      // A few days back, a day between the steps, so the history reads like real work.
      const start = new Date(now.getTime() - (10 - i) * 24 * 60 * 60 * 1000);
      const at = (step: number) => new Date(start.getTime() + step * 24 * 60 * 60 * 1000);
      const final = plan.path.at(-1)!;
      const snapshot = scoreSnapshotOf(best);
      const [row] = await tx
        .insert(proposals)
        .values({
          partnershipId: viborg.id,
          openingId: opening.match.id,
          residentId: best.residentId,
          companyId: opening.match.companyId,
          occupationId: opening.match.occupationId,
          status: final,
          score: best.score,
          scoreSnapshot: snapshot,
          note: i === 0 ? 'Har selv spurgt efter job i faget.' : null,
          proposedBy: by.id,
          proposedAt: start,
          residentAnsweredAt: plan.path.length > 1 && final !== 'withdrawn' ? at(1) : null,
          residentAnswerRecordedBy: plan.path.length > 1 && final !== 'withdrawn' ? by.id : null,
          sentToCompanyAt: final === 'sent_to_company' ? at(2) : null,
          sentBy: final === 'sent_to_company' ? by.id : null,
          closedAt: final === 'resident_declined' || final === 'withdrawn' ? at(1) : null,
          createdAt: start,
          updatedAt: at(plan.path.length - 1),
        })
        .returning({ id: proposals.id });
      await tx.insert(proposalStatusChanges).values(
        plan.path.map((to, step) => ({
          proposalId: row!.id,
          fromStatus: step === 0 ? null : plan.path[step - 1]!,
          toStatus: to,
          byUserId: by.id,
          at: at(step),
          note: null,
        })),
      );
      const moved = await tx
        .update(openings)
        .set({ firstProposalAt: start })
        .where(and(eq(openings.id, opening.match.id), isNull(openings.firstProposalAt)))
        .returning({ status: openings.status });
      if (moved[0]?.status === 'referred') {
        await tx.update(openings).set({ status: 'proposals' }).where(eq(openings.id, opening.match.id));
        await tx.insert(openingStatusChanges).values({
          openingId: opening.match.id,
          fromStatus: 'referred',
          toStatus: 'proposals',
          byUserId: by.id,
          at: start,
          note: 'Første kandidat er foreslået.',
        });
      }
      // The other side hears of it, as a real proposal does.
      const other = plan.by === 'consultant' ? worker : consultant;
      const rendered = renderNotification(
        {
          kind: 'proposal_made',
          openingTitle: opening.title,
          companyName: opening.companyName,
          proposedByName: by.name,
        },
        'da',
        null,
      );
      await tx.insert(notifications).values({
        userId: other.id,
        kind: rendered.kind,
        title: rendered.title,
        body: rendered.body,
        link: `/proposals/${row!.id}`,
        entityType: 'proposal',
        entityId: row!.id,
        createdAt: start,
      });
      made += 1;
    }
    await tx.insert(systemSettings).values({ key: PROPOSALS_MARKER, value: PROPOSALS_VERSION });
    return made > 0;
  });
}
