import type { TEscalation } from '@domain/placement.schema.ts';
import type { TEscalationRow } from './escalations.repository.ts';

/**
 * The only shape an escalation leaves the server in: to the professionals who see the person.
 * A company never receives one (its placement view has `escalations: []`): the reason may quote
 * a check-in's assessment of the person.
 */
export function presentEscalation(r: TEscalationRow): TEscalation {
  const e = r.row;
  return {
    id: e.id,
    placementId: e.placementId,
    source: e.source,
    reason: e.reason,
    residentId: r.residentId,
    residentName: r.residentName,
    companyName: r.companyName,
    openingTitle: r.openingTitle,
    openedAt: e.openedAt.toISOString(),
    openedByName: r.openedByName,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolvedByName: r.resolvedByName,
    resolution: e.resolution,
  };
}
