import type { TListQuery } from '@domain/common.schema.ts';
import type { TRole } from '@domain/roles.ts';
import type { TMembershipInput, TUserStatus } from '@domain/user.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { memberships, users } from '@server/db/schema/index.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, eq, exists, sql } from 'drizzle-orm';

export interface TUserFilters {
  role?: TRole;
  status?: TUserStatus;
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  status: users.status,
  locale: users.locale,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export async function listUsers(db: TDbOrTx, query: TListQuery, filters: TUserFilters) {
  const where = and(
    searchAny(query.q, [users.name, users.email]),
    filters.status ? eq(users.status, filters.status) : undefined,
    filters.role
      ? exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(and(eq(memberships.userId, users.id), eq(memberships.role, filters.role))),
        )
      : undefined,
  );
  const order = orderFor(
    query,
    {
      name: { column: users.name, text: true },
      email: { column: users.email, text: true },
      status: { column: users.status },
      createdAt: { column: users.createdAt },
      lastLoginAt: { column: users.lastLoginAt },
    },
    'name',
    users.id,
  );
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...columns, total: totalCount })
      .from(users)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

export async function findUser(db: TDbOrTx, id: string) {
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row;
}
export type TUserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** The membership's scope id goes into the one column its role calls for. */
export function membershipValues(userId: string, input: TMembershipInput) {
  const scope = input.scopeId;
  switch (input.role) {
    case 'admin':
      return { userId, role: input.role };
    case 'housing_staff':
      return { userId, role: input.role, housingOrganisationId: scope };
    case 'social_worker':
      return { userId, role: input.role, socialHousingPlanId: scope };
    case 'job_consultant':
      return { userId, role: input.role, jobcenterId: scope };
    case 'steering':
      return { userId, role: input.role, partnershipId: scope };
    case 'company_contact':
      return { userId, role: input.role, companyId: scope };
    default: {
      const exhaustive: never = input.role;
      return exhaustive;
    }
  }
}

export async function insertMembership(
  db: TDbOrTx,
  userId: string,
  input: TMembershipInput,
): Promise<string> {
  const [row] = await db
    .insert(memberships)
    .values(membershipValues(userId, input))
    .returning({ id: memberships.id });
  return row!.id;
}
