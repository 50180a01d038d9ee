import { createTestDatabase, dropTestDatabase } from '@server/test/setup.ts';
import pg from 'pg';
import { expect, it } from 'vitest';
import { DATA_CLASSIFICATION } from './data-classification.ts';

it('classifies every column of every table, and nothing that does not exist', async () => {
  const { url, name } = await createTestDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' order by table_name, ordinal_position`,
  );
  await client.end();
  await dropTestDatabase(name);

  const inDb = rows.map((r) => `${r.table_name}.${r.column_name}`);
  const classified = Object.entries(DATA_CLASSIFICATION).flatMap(([t, cols]) =>
    Object.keys(cols).map((c) => `${t}.${c}`),
  );
  expect(
    inDb.filter((c) => !classified.includes(c)),
    'columns missing from data-classification.ts',
  ).toEqual([]);
  expect(
    classified.filter((c) => !inDb.includes(c)),
    'classified columns that do not exist',
  ).toEqual([]);
  for (const cols of Object.values(DATA_CLASSIFICATION)) {
    for (const rec of Object.values(cols)) {
      expect(rec.purpose.length).toBeGreaterThan(3);
      expect(rec.retention.length).toBeGreaterThan(3);
    }
  }
});
