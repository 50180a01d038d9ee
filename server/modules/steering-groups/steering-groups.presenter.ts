import type { TSteeringGroup, TSteeringGroupDetail } from '@domain/steering.schema.ts';
import type { TGroupRow, TMemberRow } from './steering-groups.repository.ts';

// The only way steering-group rows leave the server. Members are staff users: their name and
// title in the group, never their e-mail or other roles.

export function presentGroup(row: TGroupRow): TSteeringGroup {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    name: row.name,
    mandate: row.mandate,
    memberCount: row.memberCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentGroupDetail(
  row: TGroupRow,
  members: readonly TMemberRow[],
  areas: readonly { id: string; name: string }[],
): TSteeringGroupDetail {
  return {
    ...presentGroup({ ...row, memberCount: members.length }),
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      title: m.title,
      role: 'steering' as const,
    })),
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
  };
}
