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
  /** To the company's contacts: a candidate has been sent to them (issue 6). */
  | { kind: 'proposal_sent_to_company'; openingTitle: string }
  /** To the professionals: the company invited, declined or recorded an interview (issue 6). */
  | {
      kind: 'company_answered';
      openingTitle: string;
      companyName: string;
      answer: 'interview' | 'declined' | 'interview_outcome';
      /** yyyy-mm-dd and HH:MM of the interview, when invited. */
      interviewDate?: string;
      interviewTime?: string;
    }
  /** To the job consultant and the social worker: a hire, and the follow-up that starts. */
  | { kind: 'placement_hired'; openingTitle: string; companyName: string; startDate: string }
  /** At once when a check-in says "at risk" or the company flags a placement (issue 6 item 3). */
  | { kind: 'placement_at_risk'; companyName: string; openingTitle: string; source: 'check_in' | 'company' }
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

/** A notice of one line: the line is the in-app body and the e-mail's text, above the link. */
function oneLine(
  kind: TNotificationKind,
  title: string,
  line: string,
  url: string | null,
  locale: 'da' | 'en',
): TRenderedNotification & { kind: TNotificationKind } {
  return { kind, title, body: line, subject: `Jobbro: ${title}`, text: withLink([line], url, locale) };
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
      return oneLine(params.kind, title, line, url, locale);
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
      return oneLine(params.kind, title, line, url, locale);
    }
    case 'proposal_made': {
      const title = da ? `Nyt forslag til ${params.openingTitle}` : `New proposal for ${params.openingTitle}`;
      const line = da
        ? `${params.proposedByName} har foreslået en beboer til jobåbningen "${params.openingTitle}" hos ${params.companyName}. Beboerens svar skal registreres, før forslaget kan sendes til virksomheden.`
        : `${params.proposedByName} proposed a resident for the opening "${params.openingTitle}" at ${params.companyName}. The resident's answer must be recorded before the proposal can be sent to the company.`;
      return oneLine(params.kind, title, line, url, locale);
    }
    case 'proposal_sent_to_company': {
      const title = da
        ? `Ny kandidat til ${params.openingTitle}`
        : `New candidate for ${params.openingTitle}`;
      const line = da
        ? `Jobcentret og den boligsociale medarbejder har sendt en kandidat til jobåbningen "${params.openingTitle}". Se profilen, og inviter til samtale eller giv et svar.`
        : `The jobcentre and the housing social worker have sent a candidate for the opening "${params.openingTitle}". See the profile, and invite to an interview or answer.`;
      return oneLine(params.kind, title, line, url, locale);
    }
    case 'company_answered': {
      const when =
        params.interviewDate && params.interviewTime
          ? ` ${danishDate(params.interviewDate)} ${da ? 'kl.' : 'at'} ${params.interviewTime.replace(':', '.')}`
          : '';
      const title = da
        ? {
            interview: `Samtale hos ${params.companyName}`,
            declined: `${params.companyName} har sagt nej`,
            interview_outcome: `Samtale hos ${params.companyName} er holdt`,
          }[params.answer]
        : {
            interview: `Interview at ${params.companyName}`,
            declined: `${params.companyName} said no`,
            interview_outcome: `Interview at ${params.companyName} has been held`,
          }[params.answer];
      const line = da
        ? {
            interview: `${params.companyName} har inviteret en kandidat til samtale om "${params.openingTitle}"${when}.`,
            declined: `${params.companyName} har sagt nej til en kandidat til "${params.openingTitle}". Se begrundelsen i Jobbro.`,
            interview_outcome: `${params.companyName} har registreret, hvordan samtalen om "${params.openingTitle}" gik.`,
          }[params.answer]
        : {
            interview: `${params.companyName} invited a candidate to an interview about "${params.openingTitle}"${when}.`,
            declined: `${params.companyName} said no to a candidate for "${params.openingTitle}". See the reason in Jobbro.`,
            interview_outcome: `${params.companyName} recorded how the interview about "${params.openingTitle}" went.`,
          }[params.answer];
      return oneLine(params.kind, title, line, url, locale);
    }
    case 'placement_hired': {
      const title = da ? `Ansættelse: ${params.openingTitle}` : `Hire: ${params.openingTitle}`;
      const line = da
        ? `${params.companyName} har ansat en kandidat til "${params.openingTitle}" fra ${danishDate(params.startDate)}. Opfølgningen (efterværn) er planlagt i Jobbro.`
        : `${params.companyName} hired a candidate for "${params.openingTitle}" from ${danishDate(params.startDate)}. The follow-up is planned in Jobbro.`;
      return oneLine(params.kind, title, line, url, locale);
    }
    case 'placement_at_risk': {
      const title = da
        ? `Noget går skævt: ${params.openingTitle}`
        : `Something is going wrong: ${params.openingTitle}`;
      const line = da
        ? params.source === 'company'
          ? `${params.companyName} har meldt, at noget går skævt i en ansættelse ("${params.openingTitle}"). Tag kontakt hurtigst muligt.`
          : `En opfølgning på en ansættelse hos ${params.companyName} ("${params.openingTitle}") er vurderet "i risiko". Tag kontakt hurtigst muligt.`
        : params.source === 'company'
          ? `${params.companyName} reports that something is going wrong in a placement ("${params.openingTitle}"). Get in touch as soon as possible.`
          : `A follow-up of a placement at ${params.companyName} ("${params.openingTitle}") was marked "at risk". Get in touch as soon as possible.`;
      return oneLine(params.kind, title, line, url, locale);
    }
    case 'generic':
      return oneLine(params.kind, params.title, params.body, url, locale);
    default: {
      const exhaustive: never = params;
      return exhaustive;
    }
  }
}
