import { auditEvents, jobDialogues, mailOutbox, notifications } from '@server/db/schema/index.ts';
import {
  buildAssignment,
  buildCompany,
  buildJobDialogue,
  buildPartnershipWorld,
  buildSocialClause,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueDialogueReminders } from './job-dialogues.service.ts';

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const sessions: Record<string, TestSession> = {};
const NOW = '2026-11-24T09:00:00Z'; // 10.00 in Copenhagen

beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [role, user] of Object.entries(world.users)) {
    sessions[role] = new TestSession(t.app);
    await sessions[role].login(user.email, TEST_PASSWORD);
  }
  sessions.otherStaff = new TestSession(t.app);
  await sessions.otherStaff.login(other.users.housing_staff.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const ownAssignment = (over: Partial<Parameters<typeof buildAssignment>[1]> = {}) =>
  buildAssignment(t.deps.db, {
    partnershipId: world.partnership.id,
    companyId: world.company.id,
    housingOrganisationId: world.organisation.id,
    ...over,
  });

/** Saves an assignment through the API: its dialogue is the housing staff member's. */
async function savedAssignment(over: Record<string, unknown> = {}) {
  const res = await sessions.housing_staff!.post('/api/assignments', {
    companyId: world.company.id,
    housingAreaIds: [world.area.id],
    kind: 'renovation',
    title: 'Renovering af Houlkærvænget',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; jobDialogueId: string; title: string };
}

const outcome = (id: string, body: object, who = 'housing_staff') =>
  sessions[who]!.post(`/api/job-dialogues/${id}/outcome`, body);

const notificationsFor = (entityId: string) =>
  t.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.entityType, 'job_dialogue'), eq(notifications.entityId, entityId)));

describe('job dialogue outcomes', () => {
  it('"later" reminds the holder once, from 07.00 Danish time on the reminder day, in the app and by e-mail', async () => {
    const { jobDialogueId: id } = await savedAssignment();
    const past = await outcome(id, {
      askedKinds: ['apprentice'],
      outcome: 'later',
      reminderDate: '2026-11-23',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual({ reminderDate: 'Påmindelsen skal være i dag eller senere.' });
    const missing = await outcome(id, { askedKinds: ['apprentice'], outcome: 'later' });
    expect(missing.json().error.fields).toEqual({ reminderDate: 'Vælg en dato for påmindelsen.' });

    const res = await outcome(id, {
      askedKinds: ['apprentice', 'trainee'],
      outcome: 'later',
      reminderDate: '2026-11-27',
      note: 'Ring igen efter licitationen.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'later',
      reminderDate: '2026-11-27',
      dueDate: '2026-11-27',
      state: 'waiting',
      askedKinds: ['apprentice', 'trainee'],
    });
    expect(res.json().history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'outcome']);

    try {
      await sendDueDialogueReminders(t.deps);
      t.clock.set('2026-11-27T05:59:00Z'); // 06.59 in Copenhagen
      await sendDueDialogueReminders(t.deps);
      expect(await notificationsFor(id)).toEqual([]);

      t.clock.set('2026-11-27T06:00:00Z'); // 07.00
      await sendDueDialogueReminders(t.deps);
      const sent = await notificationsFor(id);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        userId: world.users.housing_staff.id,
        kind: 'job_dialogue_due',
        link: `/job-dialogues/${id}`,
      });
      const mails = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, sent[0]!.mailId!));
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        to: world.users.housing_staff.email,
        subject: `Jobbro: Jobdialog med ${world.company.name} skal følges op`,
      });
      expect(mails[0]!.textBody).toContain('27.11.2026');

      t.clock.set('2026-11-27T10:00:00Z');
      await sendDueDialogueReminders(t.deps);
      expect(await notificationsFor(id)).toHaveLength(1);

      // A reminder day missed (the server was down) is caught up the next morning, before 07.00.
      const missed = await buildJobDialogue(t.deps.db, {
        assignmentId: (await ownAssignment()).id,
        assignedTo: world.users.housing_staff.id,
        outcome: 'later',
        reminderDate: '2026-11-27',
        dueDate: '2026-11-27',
      });
      t.clock.set('2026-11-28T04:00:00Z');
      await sendDueDialogueReminders(t.deps);
      expect(await notificationsFor(missed.id)).toHaveLength(1);
    } finally {
      t.clock.set(NOW);
    }

    // A new "later" re-arms the reminder.
    await outcome(id, { askedKinds: ['apprentice'], outcome: 'later', reminderDate: '2026-12-02' });
    const [row] = await t.deps.db.select().from(jobDialogues).where(eq(jobDialogues.id, id));
    expect(row!.reminderSentAt).toBeNull();
  });

  it('"no" needs a reason from the list, and a note for "other"', async () => {
    const { jobDialogueId: id } = await savedAssignment({ title: 'Daglig drift' });
    const noReason = await outcome(id, { askedKinds: ['ordinary_job'], outcome: 'no' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual({ noReason: 'Vælg en begrundelse.' });
    const noNote = await outcome(id, { askedKinds: ['ordinary_job'], outcome: 'no', noReason: 'other' });
    expect(noNote.json().error.fields).toEqual({ note: 'Skriv kort hvorfor.' });
    const nothingAsked = await outcome(id, { askedKinds: [], outcome: 'no', noReason: 'fully_staffed' });
    expect(nothingAsked.json().error.fields).toEqual({
      askedKinds: 'Vælg mindst én ting, der blev spurgt om.',
    });

    const res = await outcome(id, {
      askedKinds: ['ordinary_job', 'leisure_job'],
      outcome: 'no',
      noReason: 'fully_staffed',
      note: 'Spørg igen til foråret.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'no',
      noReason: 'fully_staffed',
      reminderDate: null,
      state: 'no',
      note: 'Spørg igen til foråret.',
    });
    expect(res.json().history.at(-1)).toMatchObject({
      kind: 'outcome',
      outcome: 'no',
      noReason: 'fully_staffed',
      byName: world.users.housing_staff.name,
    });
    expect(
      (await outcome(id, { askedKinds: ['trainee'], outcome: 'no', noReason: 'seasonal' }, 'social_worker'))
        .statusCode,
    ).toBe(403);
    expect(
      (await outcome(id, { askedKinds: ['trainee'], outcome: 'no', noReason: 'seasonal' }, 'otherStaff'))
        .statusCode,
    ).toBe(403);
  });

  it('"Mine jobdialoger" lists overdue, then open, then waiting, then closed, each by due date', async () => {
    const me = await buildUser(t.deps.db, { role: 'housing_staff', scopeId: world.organisation.id });
    const session = new TestSession(t.app);
    await session.login(me.email, TEST_PASSWORD);
    const a = await ownAssignment({ title: 'Mine dialoger' });
    const mine = async (values: Partial<Parameters<typeof buildJobDialogue>[1]>) =>
      (await buildJobDialogue(t.deps.db, { assignmentId: a.id, assignedTo: me.id, ...values })).id;
    const closed = await mine({ dueDate: '2026-11-01', outcome: 'no', noReason: 'no_need' });
    const waiting = await mine({ dueDate: '2026-12-01', outcome: 'later', reminderDate: '2026-12-01' });
    const openLater = await mine({ dueDate: '2026-11-26' });
    const openToday = await mine({ dueDate: '2026-11-24' });
    const dueAgain = await mine({ dueDate: '2026-11-22', outcome: 'later', reminderDate: '2026-11-22' });
    const overdue = await mine({ dueDate: '2026-11-20' });
    await buildJobDialogue(t.deps.db, { assignmentId: a.id, assignedTo: world.users.housing_staff.id });

    const list = (await session.get('/api/job-dialogues?mine=true')).json();
    expect(list.total).toBe(6);
    expect(list.items.map((d: { id: string; state: string }) => [d.id, d.state])).toEqual([
      [overdue, 'overdue'],
      [dueAgain, 'overdue'],
      [openToday, 'open'],
      [openLater, 'open'],
      [waiting, 'waiting'],
      [closed, 'no'],
    ]);
    const overdueOnly = (await session.get('/api/job-dialogues?mine=true&state=overdue')).json();
    expect(overdueOnly.items.map((d: { id: string }) => d.id)).toEqual([overdue, dueAgain]);
    expect((await session.get('/api/job-dialogues?mine=true&state=waiting')).json().total).toBe(1);
    const byDue = (await session.get('/api/job-dialogues?mine=true&sort=dueDate&limit=2&offset=1')).json();
    expect(byDue).toMatchObject({ total: 6, pageSize: 2 });
    expect(byDue.items.map((d: { id: string }) => d.id)).toEqual([overdue, dueAgain]);
    // Everyone's, for the organisation: the colleague's dialogue too.
    expect((await session.get(`/api/job-dialogues?assignmentId=${a.id}`)).json().total).toBe(7);
    expect((await sessions.otherStaff!.get(`/api/job-dialogues?assignmentId=${a.id}`)).json().total).toBe(0);
  });

  it('logs reading a dialogue (its notes) and the list of staff to hand it to', async () => {
    const saved = await savedAssignment({ title: 'Revisionslog' });
    expect((await sessions.job_consultant!.get(`/api/job-dialogues/${saved.jobDialogueId}`)).statusCode).toBe(
      200,
    );
    expect((await sessions.housing_staff!.get(`/api/assignments/${saved.id}/staff`)).statusCode).toBe(200);
    const logged = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'read'));
    expect(
      logged.some(
        (e) =>
          e.entityType === 'job_dialogue' &&
          e.entityId === saved.jobDialogueId &&
          e.userId === world.users.job_consultant.id,
      ),
    ).toBe(true);
    expect(logged.some((e) => e.entityType === 'user' && e.userId === world.users.housing_staff.id)).toBe(
      true,
    );
  });

  it('creates a further dialogue and hands a dialogue to a colleague, who is told in the app', async () => {
    const a = await ownAssignment({ title: 'Overdragelse' });
    const created = await sessions.housing_staff!.post('/api/job-dialogues', { assignmentId: a.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      dueDate: '2026-11-24',
      assignedToUserId: world.users.housing_staff.id,
      state: 'open',
    });
    const notStaff = await sessions.housing_staff!.post('/api/job-dialogues', {
      assignmentId: a.id,
      assignedToUserId: world.users.social_worker.id,
    });
    expect(notStaff.json().error.fields).toEqual({
      assignedToUserId: 'Vælg en medarbejder i boligorganisationen.',
    });
    const unknown = await sessions.housing_staff!.post('/api/job-dialogues', {
      assignmentId: crypto.randomUUID(),
    });
    expect(unknown.json().error.fields).toEqual({ assignmentId: 'Ukendt opgave.' });

    const id = created.json().id;
    const colleague = await buildUser(t.deps.db, {
      role: 'housing_staff',
      scopeId: world.organisation.id,
      name: 'Kirsten Kollega',
    });
    const url = `/api/job-dialogues/${id}/assignee`;
    const wrong = await sessions.housing_staff!.post(url, { assignedToUserId: other.users.housing_staff.id });
    expect(wrong.statusCode).toBe(400);
    const res = await sessions.housing_staff!.post(url, { assignedToUserId: colleague.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assignedToUserId: colleague.id, assignedToName: 'Kirsten Kollega' });
    expect(res.json().history.at(-1)).toMatchObject({
      kind: 'reassigned',
      note: 'Givet videre til Kirsten Kollega.',
    });
    const told = await notificationsFor(id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ userId: colleague.id, kind: 'generic', link: `/job-dialogues/${id}` });
    // The same person again changes nothing.
    await sessions.housing_staff!.post(url, { assignedToUserId: colleague.id });
    expect(await notificationsFor(id)).toHaveLength(1);
    expect((await sessions.company_contact!.post(url, { assignedToUserId: colleague.id })).statusCode).toBe(
      403,
    );
  });
});

describe('from "opening now" to the opening', () => {
  it('drafts the opening from the assignment, its first area, what was asked and its apprentice clause', async () => {
    const company = await buildCompany(t.deps.db, {
      partnershipIds: [world.partnership.id],
      postalCode: '8800',
      city: 'Viborg',
    });
    const saved = await savedAssignment({ companyId: company.id, title: 'Tag på blok 4' });
    const clause = await buildSocialClause(t.deps.db, { assignmentId: saved.id, kind: 'apprentices' });
    await outcome(saved.jobDialogueId, {
      askedKinds: ['apprentice', 'ordinary_job'],
      outcome: 'opening_now',
    });
    const res = await sessions.housing_staff!.get(`/api/job-dialogues/${saved.jobDialogueId}/opening-draft`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      jobDialogueId: saved.jobDialogueId,
      assignmentId: saved.id,
      companyId: company.id,
      companyName: company.name,
      partnershipId: world.partnership.id,
      housingAreaId: world.area.id,
      type: 'apprentice',
      title: 'Lærling – Tag på blok 4',
      postalCode: '8800',
      city: 'Viborg',
      startDate: '2027-01-01',
      socialClauseId: clause.id,
    });

    // A running assignment starts today; an ordinary job counts for no apprentice clause.
    const running = await ownAssignment({ title: 'Rengøring', startDate: '2026-01-01' });
    await buildSocialClause(t.deps.db, { assignmentId: running.id, kind: 'apprentices' });
    const d = await buildJobDialogue(t.deps.db, {
      assignmentId: running.id,
      askedKinds: ['ordinary_job'],
      outcome: 'opening_now',
    });
    const draft = (await sessions.social_worker!.get(`/api/job-dialogues/${d.id}/opening-draft`)).json();
    expect(draft).toMatchObject({
      type: 'full_time',
      title: 'Ordinært job – Rengøring',
      startDate: '2026-11-24',
      socialClauseId: null,
      housingAreaId: null,
    });
    expect((await sessions.company_contact!.get(`/api/job-dialogues/${d.id}/opening-draft`)).statusCode).toBe(
      403,
    );
  });

  it('an opening created from the dialogue links both ways in one go', async () => {
    const saved = await savedAssignment({ title: 'Facaderenovering' });
    const clause = await buildSocialClause(t.deps.db, { assignmentId: saved.id, kind: 'apprentices' });
    const opening = {
      companyId: world.company.id,
      type: 'apprentice',
      title: 'Murerlærling til facaden',
      occupationId: 'murer',
      hoursPerWeek: 37,
      startDate: '2027-01-04',
      positions: 1,
      postalCode: '8800',
      city: 'Viborg',
      socialClauseId: clause.id,
    };
    const res = await sessions.housing_staff!.post('/api/openings', {
      ...opening,
      jobDialogueId: saved.jobDialogueId,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      assignmentId: saved.id,
      socialClauseId: clause.id,
      housingOrganisationId: world.organisation.id,
      partnershipId: world.partnership.id,
    });
    const dialogue = (await sessions.housing_staff!.get(`/api/job-dialogues/${saved.jobDialogueId}`)).json();
    expect(dialogue).toMatchObject({ openingId: created.id, outcome: 'opening_now', state: 'opening_now' });
    expect(
      dialogue.history.map((h: { kind: string; outcome: string | null }) => [h.kind, h.outcome]),
    ).toEqual([
      ['created', null],
      ['outcome', 'opening_now'],
    ]);
    const assignment = (await sessions.housing_staff!.get(`/api/assignments/${saved.id}`)).json();
    expect(assignment.openingCount).toBe(1);
    const listed = (await sessions.housing_staff!.get(`/api/openings?assignmentId=${saved.id}`)).json();
    expect(listed.items.map((o: { id: string }) => o.id)).toEqual([created.id]);

    // The dialogue is done: no second opening, no other outcome, no new draft.
    const again = await sessions.housing_staff!.post('/api/openings', {
      ...opening,
      jobDialogueId: saved.jobDialogueId,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await outcome(saved.jobDialogueId, { askedKinds: ['trainee'], outcome: 'no', noReason: 'seasonal' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await sessions.housing_staff!.get(`/api/job-dialogues/${saved.jobDialogueId}/opening-draft`))
        .statusCode,
    ).toBe(409);
  });

  it('checks the links: same company, the clause on its assignment, a dialogue the creator may see', async () => {
    const saved = await savedAssignment({ title: 'Kontrol af links' });
    const foreign = await buildAssignment(t.deps.db, {
      partnershipId: other.partnership.id,
      companyId: other.company.id,
      housingOrganisationId: other.organisation.id,
    });
    const foreignClause = await buildSocialClause(t.deps.db, { assignmentId: foreign.id });
    const foreignDialogue = await buildJobDialogue(t.deps.db, { assignmentId: foreign.id });
    const otherOwn = await ownAssignment();
    const otherOwnClause = await buildSocialClause(t.deps.db, { assignmentId: otherOwn.id });
    const base = {
      companyId: world.company.id,
      type: 'full_time',
      title: 'Håndværker',
      occupationId: 'murer',
      hoursPerWeek: 37,
      startDate: '2027-01-04',
      positions: 1,
      postalCode: '8800',
      city: 'Viborg',
    };
    const post = async (over: object) =>
      (await sessions.housing_staff!.post('/api/openings', { ...base, ...over })).json().error?.fields;
    expect(await post({ assignmentId: foreign.id })).toEqual({ assignmentId: 'Ukendt opgave.' });
    expect(await post({ assignmentId: saved.id, socialClauseId: otherOwnClause.id })).toEqual({
      socialClauseId: 'Klausulen hører til en anden opgave.',
    });
    expect(await post({ socialClauseId: foreignClause.id })).toEqual({
      socialClauseId: 'Ukendt social klausul.',
    });
    expect(await post({ jobDialogueId: foreignDialogue.id })).toEqual({ jobDialogueId: 'Ukendt jobdialog.' });
    // The secretariat sees everything: there the company is what is wrong.
    const admin = await sessions.admin!.post('/api/openings', { ...base, assignmentId: foreign.id });
    expect(admin.json().error.fields).toEqual({ assignmentId: 'Opgaven er købt hos en anden virksomhed.' });

    // A clause names its assignment; an edit is checked the same way.
    const byClause = await sessions.housing_staff!.post('/api/openings', {
      ...base,
      socialClauseId: otherOwnClause.id,
    });
    expect(byClause.statusCode).toBe(201);
    expect(byClause.json().assignmentId).toBe(otherOwn.id);
    const url = `/api/openings/${byClause.json().id}`;
    const moved = await sessions.housing_staff!.patch(url, { assignmentId: saved.id });
    expect(moved.json().error.fields).toEqual({ socialClauseId: 'Klausulen hører til en anden opgave.' });
    const relinked = await sessions.housing_staff!.patch(url, {
      assignmentId: saved.id,
      socialClauseId: null,
    });
    expect(relinked.statusCode).toBe(200);
    expect(relinked.json()).toMatchObject({ assignmentId: saved.id, socialClauseId: null });
  });
});
