import type { TNotificationKind } from '@domain/notification.schema.ts';

// Notification texts, Danish first (English for users who chose it). Parameters describe
// openings, companies and assignments only: a template has no place for resident data, so no
// caller can put a person into an e-mail by accident.

export type TNotificationParams =
  | {
      kind: 'opening_referred';
      openingTitle: string;
      companyName: string;
      openingTypeLabel: string;
      positions: number;
      workplace: string | null;
      startDate: string | null;
    }
  | { kind: 'job_dialogue_due'; companyName: string; assignmentTitle: string; dueDate: string }
  | { kind: 'clause_behind'; assignmentTitle: string; clauseLabel: string; expected: number; actual: number }
  /** A resident was proposed for an opening; the person is named only inside Jobbro, behind the link. */
  | { kind: 'proposal_made'; openingTitle: string; companyName: string; proposedByName: string }
  | { kind: 'generic'; title: string; body: string };

export interface TRenderedNotification {
  title: string;
  body: string;
  subject: string;
  text: string;
}

/** dd.mm.yyyy from yyyy-mm-dd (DOMAIN.md conventions). */
function danishDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

function withLink(lines: string[], url: string | null, locale: 'da' | 'en'): string {
  const footer =
    locale === 'da'
      ? ['', url ? `Åbn i Jobbro: ${url}` : 'Åbn Jobbro for at se mere.', '', 'Venlig hilsen', 'Jobbro']
      : ['', url ? `Open in Jobbro: ${url}` : 'Open Jobbro to see more.', '', 'Kind regards', 'Jobbro'];
  return [...lines, ...footer].join('\n');
}

export function renderNotification(
  params: TNotificationParams,
  locale: 'da' | 'en',
  url: string | null,
): TRenderedNotification & { kind: TNotificationKind } {
  const da = locale === 'da';
  switch (params.kind) {
    case 'opening_referred': {
      const facts = [
        `${da ? 'Virksomhed' : 'Company'}: ${params.companyName}`,
        `${da ? 'Type' : 'Type'}: ${params.openingTypeLabel}`,
        `${da ? 'Antal stillinger' : 'Positions'}: ${params.positions}`,
        ...(params.workplace ? [`${da ? 'Arbejdssted' : 'Workplace'}: ${params.workplace}`] : []),
        ...(params.startDate ? [`${da ? 'Start' : 'Start'}: ${danishDate(params.startDate)}`] : []),
      ];
      const title = da ? `Ny jobåbning: ${params.openingTitle}` : `New opening: ${params.openingTitle}`;
      const intro = da
        ? 'En ny jobåbning er henvist til dig. Find sammen med din samarbejdspartner ledige beboere, der passer til jobbet.'
        : 'A new opening has been referred to you. Together with your partner, find unemployed residents who fit the job.';
      return {
        kind: params.kind,
        title,
        body: `${params.companyName} · ${params.openingTypeLabel}`,
        subject: `Jobbro: ${title}`,
        text: withLink([intro, '', ...facts], url, locale),
      };
    }
    case 'job_dialogue_due': {
      const title = da
        ? `Jobdialog med ${params.companyName} skal følges op`
        : `Job dialogue with ${params.companyName} is due`;
      const line = da
        ? `Jobdialogen om opgaven "${params.assignmentTitle}" skal følges op ${danishDate(params.dueDate)}.`
        : `The job dialogue about "${params.assignmentTitle}" is due on ${danishDate(params.dueDate)}.`;
      return {
        kind: params.kind,
        title,
        body: line,
        subject: `Jobbro: ${title}`,
        text: withLink([line], url, locale),
      };
    }
    case 'clause_behind': {
      const title = da
        ? `Social klausul halter: ${params.assignmentTitle}`
        : `Social clause is behind: ${params.assignmentTitle}`;
      // Danish number formatting (DOMAIN.md): "1,3 forventet", not "1.3".
      const num = (n: number) => n.toLocaleString(da ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
      const line = da
        ? `${params.clauseLabel}: ${num(params.actual)} opfyldt, ${num(params.expected)} forventet i dag.`
        : `${params.clauseLabel}: ${num(params.actual)} fulfilled, ${num(params.expected)} expected by today.`;
      return {
        kind: params.kind,
        title,
        body: line,
        subject: `Jobbro: ${title}`,
        text: withLink([line], url, locale),
      };
    }
    case 'proposal_made': {
      const title = da ? `Nyt forslag til ${params.openingTitle}` : `New proposal for ${params.openingTitle}`;
      const line = da
        ? `${params.proposedByName} har foreslået en beboer til jobåbningen "${params.openingTitle}" hos ${params.companyName}. Beboerens svar skal registreres, før forslaget kan sendes til virksomheden.`
        : `${params.proposedByName} proposed a resident for the opening "${params.openingTitle}" at ${params.companyName}. The resident's answer must be recorded before the proposal can be sent to the company.`;
      return {
        kind: params.kind,
        title,
        body: line,
        subject: `Jobbro: ${title}`,
        text: withLink([line], url, locale),
      };
    }
    case 'generic':
      return {
        kind: params.kind,
        title: params.title,
        body: params.body,
        subject: `Jobbro: ${params.title}`,
        text: withLink([params.body], url, locale),
      };
    default: {
      const exhaustive: never = params;
      return exhaustive;
    }
  }
}
