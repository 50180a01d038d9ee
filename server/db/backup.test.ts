import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpening, buildPartnershipWorld, buildResident, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, createTestDatabase, dropTestDatabase, TestSession } from '@server/test/setup.ts';
import pg from 'pg';
import { expect, it } from 'vitest';
import { isEmptyDatabase, restoreBackup, writeBackup } from './backup.ts';

it('backs up every table and restores it into an empty database, sequences included', async () => {
  const t = await createTestApp();
  const world = await buildPartnershipWorld(t.deps.db);
  const s = new TestSession(t.app);
  await s.login(world.users.admin.email, TEST_PASSWORD);
  await s.patch(`/api/housing-areas/${world.area.id}`, { name: 'Ellekonebakken – "ny" afdeling\tmed tab' });
  // A resident and an opening: their triggers write the match index's change feed, which the
  // backup leaves out (the restore writes it anew through the same triggers).
  const resident = await buildResident(t.deps.db, {
    municipalityId: world.municipality.id,
    registeredByPlanId: world.plan.id,
  });
  // A case change a day later: the history has two rows, the second not at registration.
  await t.deps.pool.query(
    `update residents set status = 'in_job', updated_at = updated_at + interval '1 day' where id = $1`,
    [resident.id],
  );
  await buildOpening(t.deps.db, { partnershipId: world.partnership.id, companyId: world.company.id });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-backup-'));
  const file = path.join(dir, 'backup.sql');
  const summary = await writeBackup(t.deps.pool, file, 'test');
  expect(summary.tables.users).toBe(6);
  expect(readFileSync(file, 'utf8')).toContain('COPY public."audit_events"');
  expect(readFileSync(file, 'utf8')).not.toContain('match_index_changes');

  const target = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: target.url });
  expect(await isEmptyDatabase(pool)).toBe(true);
  const counts = await restoreBackup(pool, file);
  expect(counts).toMatchObject({ users: 6, memberships: 6, housing_areas: 1, residents: 1, openings: 1 });
  // The residents' case history comes back as it was, not as the trigger rewrites it on restore.
  const history = 'select resident_id, changed_at, status from resident_case_changes order by id';
  expect((await pool.query(history)).rows).toEqual((await t.deps.pool.query(history)).rows);
  const { rows } = await pool.query('select name from housing_areas');
  expect(rows[0].name).toBe('Ellekonebakken – "ny" afdeling\tmed tab');
  // The audit sequence continues after the restored events.
  const before = Number((await pool.query('select max(id) as m from audit_events')).rows[0].m);
  await pool.query(`insert into audit_events (at, action) values (now(), 'read')`);
  const after = Number((await pool.query('select max(id) as m from audit_events')).rows[0].m);
  expect(after).toBe(before + 1);

  // A truncated file restores nothing.
  const broken = path.join(dir, 'broken.sql');
  const text = readFileSync(file, 'utf8');
  writeFileSync(broken, text.slice(0, text.indexOf('COPY public."users"') + 200));
  const empty = await createTestDatabase();
  const pool2 = new pg.Pool({ connectionString: empty.url });
  await expect(restoreBackup(pool2, broken)).rejects.toThrow(/truncated/);
  expect(await isEmptyDatabase(pool2)).toBe(true);

  await pool.end();
  await pool2.end();
  await dropTestDatabase(target.name);
  await dropTestDatabase(empty.name);
  await t.close();
});
