import type { TAuditEvent } from '@domain/audit.schema.ts';

interface TAuditRow {
  id: bigint;
  at: Date;
  userId: string | null;
  userEmail: string | null;
  action: TAuditEvent['action'];
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export function presentAuditEvent(row: TAuditRow): TAuditEvent {
  return { ...row, id: row.id.toString(), at: row.at.toISOString() };
}

export const AUDIT_CSV_COLUMNS = [
  { key: 'id', header: 'id' },
  { key: 'at', header: 'tidspunkt_utc' },
  { key: 'userId', header: 'bruger_id' },
  { key: 'userEmail', header: 'bruger_email' },
  { key: 'action', header: 'handling' },
  { key: 'entityType', header: 'objekttype' },
  { key: 'entityId', header: 'objekt_id' },
  { key: 'requestId', header: 'request_id' },
  { key: 'ip', header: 'ip' },
  { key: 'details', header: 'detaljer' },
] as const;

export function auditCsvRecord(e: TAuditEvent): Record<string, string> {
  return {
    id: e.id,
    at: e.at,
    userId: e.userId ?? '',
    userEmail: e.userEmail ?? '',
    action: e.action,
    entityType: e.entityType ?? '',
    entityId: e.entityId ?? '',
    requestId: e.requestId ?? '',
    ip: e.ip ?? '',
    details: e.details ? JSON.stringify(e.details) : '',
  };
}
