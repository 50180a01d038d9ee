import type { TPage } from '@domain/common.schema.ts';
import { isAdmin } from '@domain/policy.ts';
import type {
  TSteeringGroup,
  TSteeringGroupDetail,
  TSteeringGroupInput,
  TSteeringGroupListQuery,
  TSteeringGroupUpdate,
  TSteeringMembersInput,
} from '@domain/steering.schema.ts';
import { findPartnership } from '@server/modules/bias-report/bias-report.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { presentGroup, presentGroupDetail } from './steering-groups.presenter.ts';
import {
  findGroup,
  findGroupOfPartnership,
  groupMembers,
  insertGroup,
  listGroups,
  partnershipAreas,
  replaceMembers,
  type TGroupRow,
  updateGroup,
  usersWithSteeringRole,
} from './steering-groups.repository.ts';

/**
 * A partnership's steering group (seed 000: one per city, "sætter mål og rammer for jobskabelsen").
 * All staff read the groups. The secretariat sets a group up and decides who sits in it (the
 * members are the partnership's users with the steering role: who holds that role is the
 * secretariat's decision too); the group itself keeps its name and mandate current.
 */
export function createSteeringGroupsService(deps: TAppDeps) {
  const { db, clock } = deps;

  async function groupOr404(id: string): Promise<TGroupRow> {
    const group = await findGroup(db, id);
    if (!group) throw new AppError('NOT_FOUND', 'Styregruppen findes ikke.');
    return group;
  }

  /** Setting a group up and its membership: the secretariat alone (the denial is audit-logged). */
  async function requireSecretariat(
    ctx: TRequestContext,
    action: 'create' | 'update',
    entityId: string | null,
  ) {
    if (isAdmin(requireActor(ctx))) return;
    await recordAudit(db, ctx, {
      action: 'denied',
      entityType: 'steering_group',
      entityId,
      details: { action, reason: action === 'create' ? 'secretariat_only' : 'members_secretariat_only' },
    });
    throw new AppError(
      'FORBIDDEN',
      'Kun sekretariatet kan nedsætte en styregruppe og bestemme, hvem der sidder i den.',
    );
  }

  async function detail(group: TGroupRow): Promise<TSteeringGroupDetail> {
    const [members, areas] = await Promise.all([
      groupMembers(db, group.id),
      partnershipAreas(db, group.partnershipId),
    ]);
    return presentGroupDetail(group, members, areas);
  }

  return {
    async list(ctx: TRequestContext, query: TSteeringGroupListQuery): Promise<TPage<TSteeringGroup>> {
      await authorize(db, ctx, 'list', { kind: 'steering_group' });
      const page = await listGroups(db, query);
      return { ...page, items: page.items.map(presentGroup) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TSteeringGroupDetail> {
      const group = await groupOr404(id);
      await authorize(db, ctx, 'read', { kind: 'steering_group', partnershipId: group.partnershipId });
      return detail(group);
    },

    async create(ctx: TRequestContext, input: TSteeringGroupInput): Promise<TSteeringGroupDetail> {
      await requireSecretariat(ctx, 'create', null);
      const partnership = await findPartnership(db, input.partnershipId);
      if (!partnership) throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');
      if (await findGroupOfPartnership(db, partnership.id)) {
        const message = `${partnership.name} har allerede en styregruppe.`;
        throw new AppError('CONFLICT', message, { partnershipId: message });
      }
      const id = await db.transaction(async (tx) => {
        const created = await insertGroup(tx, input, clock.now());
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'steering_group',
          entityId: created,
          details: { partnershipId: partnership.id },
        });
        return created;
      });
      return detail(await groupOr404(id));
    },

    async update(
      ctx: TRequestContext,
      id: string,
      input: TSteeringGroupUpdate,
    ): Promise<TSteeringGroupDetail> {
      const group = await groupOr404(id);
      await authorize(db, ctx, 'update', { kind: 'steering_group', partnershipId: group.partnershipId });
      await db.transaction(async (tx) => {
        await updateGroup(tx, group.id, input, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'steering_group',
          entityId: group.id,
          details: { fields: ['name', 'mandate'] },
        });
      });
      return detail(await groupOr404(id));
    },

    /**
     * Sets the whole member list. Each member must be a user with the steering role in the
     * group's partnership; otherwise a 400 names the person and what is missing.
     */
    async setMembers(
      ctx: TRequestContext,
      id: string,
      input: TSteeringMembersInput,
    ): Promise<TSteeringGroupDetail> {
      const group = await groupOr404(id);
      await requireSecretariat(ctx, 'update', group.id);
      const found = await usersWithSteeringRole(
        db,
        group.partnershipId,
        input.members.map((m) => m.userId),
      );
      const byId = new Map(found.map((u) => [u.id, u]));
      const fields: Record<string, string> = {};
      input.members.forEach((m, i) => {
        const user = byId.get(m.userId);
        const key = `members.${i}.userId`;
        if (!user) fields[key] = 'Brugeren findes ikke.';
        else if (user.disabled) fields[key] = `${user.name} er deaktiveret og kan ikke sidde i styregruppen.`;
        else if (!user.steering) {
          fields[key] =
            `${user.name} har ikke rollen styregruppe i ${group.partnershipName} og kan derfor ikke være medlem.`;
        }
      });
      const first = Object.values(fields)[0];
      if (first) throw new AppError('VALIDATION_FAILED', first, fields);
      await db.transaction(async (tx) => {
        await replaceMembers(tx, group.id, input.members, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'steering_group',
          entityId: group.id,
          details: { members: input.members.map((m) => m.userId) },
        });
      });
      return detail(await groupOr404(id));
    },
  };
}
