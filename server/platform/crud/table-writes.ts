import type { TDbOrTx } from '@server/db/client.ts';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

type TWritableTable = PgTable & { id: PgColumn; updatedAt: PgColumn };

/** insert / update / remove by id for a reference table, shared by the reference repositories. */
export function tableWrites<TIn extends object>(table: TWritableTable) {
  return {
    async insert(db: TDbOrTx, input: TIn): Promise<string> {
      const [row] = (await db
        .insert(table)
        .values(input as never)
        .returning({ id: table.id })) as { id: string }[];
      return row!.id;
    },
    async update(db: TDbOrTx, id: string, input: TIn): Promise<void> {
      await db
        .update(table)
        .set({ ...input, updatedAt: new Date() } as never)
        .where(eq(table.id, id));
    },
    async remove(db: TDbOrTx, id: string): Promise<void> {
      await db.delete(table).where(eq(table.id, id));
    },
  };
}
