import { danishDate, formatDanishDate } from '@domain/time.ts';
import { renderPdf } from '@server/platform/pdf.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TLabelled, TResidentExport } from './resident-rights.presenter.ts';

// The access export as a readable PDF: Danish headings, the date it was made, page numbers.
// Fonts and pdfmake's access policies are set once in server/platform/pdf.ts.

const NONE = 'Ikke oplyst';
const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? NONE : String(v);
const yesNo = (b: boolean) => (b ? 'Ja' : 'Nej');
const label = (l: TLabelled<string | number> | null) => (l ? l.label : NONE);
const labels = (ls: TLabelled<string | number>[]) => (ls.length ? ls.map((l) => l.label).join(', ') : NONE);
const day = (iso: string | null) => (iso ? formatDanishDate(iso) : NONE);
/** An instant (ISO) as its Danish calendar day. */
const instantDay = (iso: string) => formatDanishDate(danishDate(new Date(iso)));

function heading(text: string): Content {
  return { text, style: 'h2', margin: [0, 14, 0, 6] };
}

/**
 * A heading never ends a page: each is kept together with the block that follows it (so that
 * block is short: a fact table, one consent, or an intro line before a long table).
 */
function keepHeadingsWithNext(content: Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    const isHeading = typeof c === 'object' && c !== null && 'style' in c && c.style === 'h2';
    if (isHeading && i + 1 < content.length) {
      out.push({ stack: [c, content[i + 1]!], unbreakable: true });
      i++;
    } else out.push(c);
  }
  return out;
}

/** A two-column fact table: label, value. */
function facts(rows: [string, string][]): Content {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([k, v]): TableCell[] => [{ text: k, bold: true }, { text: v }]),
    },
    // Thin lines between rows only: a fact table has no header row.
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#aaaaaa',
    },
  };
}

function table(header: string[], rows: string[][], widths: (number | '*' | 'auto')[]): Content {
  if (rows.length === 0) return { text: 'Ingen.', italics: true };
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        header.map((h): TableCell => ({ text: h, bold: true })),
        ...rows.map((r) => r.map((c): TableCell => ({ text: c }))),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

export function accessReportDefinition(x: TResidentExport): TDocumentDefinitions {
  const p = x.person;
  const content: Content[] = [
    { text: 'Indsigt i dine oplysninger i Jobbro', style: 'h1' },
    { text: `${p.firstName} ${p.lastName}`, style: 'lead' },
    { text: `Udskrevet ${x.generatedAtText}`, margin: [0, 0, 0, 8] },
    { text: x.about, margin: [0, 0, 0, 4] },

    heading('Personoplysninger'),
    facts([
      ['Navn', `${p.firstName} ${p.lastName}`],
      ['Fødselsdato', day(p.birthDate)],
      ['Telefon', dash(p.phone)],
      ['E-mail', dash(p.email)],
      ['Postnummer', p.postalCode],
      ['Boligområde', p.housingArea ?? 'Uden for boligområderne'],
      ['Kommune', dash(p.municipality)],
      ['Status', p.status.label],
      ['Registreret', instantDay(p.registeredAt)],
      ['Seneste aktivitet', instantDay(p.lastActivityAt)],
    ]),

    heading('Registrering'),
    facts([
      ['Registreret af', `${x.registration.side.label}: ${dash(x.registration.organisation)}`],
      ['Jobcentrets reference', dash(x.registration.jobcenterReference)],
    ]),
    ...(x.registration.listImports.length
      ? [
          { text: 'Indlæst fra jobcentrets lister', bold: true, margin: [0, 6, 0, 2] } as Content,
          table(
            ['Dato', 'Jobcenter', 'Fil'],
            x.registration.listImports.map((i) => [instantDay(i.importedAt), dash(i.jobcenter), i.fileName]),
            [70, '*', '*'],
          ),
        ]
      : []),

    heading('Job og kompetencer'),
    facts([
      ['Ønskede stillinger', labels(x.work.occupations)],
      ['Kompetencer', x.work.skills.length ? x.work.skills.join(', ') : NONE],
      ['Uddannelsesniveau', x.work.educationLevel.label],
      ['Dansk', label(x.work.danishLevel)],
      ['Kørekort', x.work.driverLicences.length ? x.work.driverLicences.join(', ') : NONE],
      ['Timer om ugen', dash(x.work.hoursPerWeek)],
      [
        'Kan arbejde',
        [
          x.work.availability.day ? 'dag' : null,
          x.work.availability.evening ? 'aften' : null,
          x.work.availability.weekend ? 'weekend' : null,
        ]
          .filter(Boolean)
          .join(', ') || NONE,
      ],
      ['Kan starte', x.work.availability.from ? day(x.work.availability.from) : 'Nu'],
    ]),
    { text: 'Erfaring', bold: true, margin: [0, 6, 0, 2] },
    table(
      ['Stilling', 'Arbejdsgiver', 'År', 'Beskrivelse'],
      x.work.experiences.map((e) => [
        e.title,
        dash(e.employer),
        [e.fromYear, e.toYear].filter((y) => y !== null).join('–') || NONE,
        dash(e.description),
      ]),
      ['*', '*', 60, '*'],
    ),

    heading('Sagsoplysninger'),
    facts([
      ['Ydelsesgruppe', label(x.casework.benefitGroup)],
      ['Jobcenterkategori', label(x.casework.jobcenterCategory)],
      ['Støttebehov', labels(x.casework.supportNeeds)],
      ['Samtykke til helbredsoplysning', yesNo(x.casework.healthNeedConsent)],
      ['Køn', label(x.casework.gender)],
    ]),

    heading('Samtykker'),
    ...(x.consents.length === 0
      ? [{ text: 'Ingen.', italics: true } as Content]
      : x.consents.map(
          (c): Content => ({
            stack: [
              { text: `${c.scope.label} (tekstversion ${c.textVersion})`, bold: true },
              facts([
                [
                  'Givet',
                  `${day(c.givenOn)} – ${c.method.label}${c.witnessName ? `, vidne: ${c.witnessName}` : ''}`,
                ],
                ['Udløber', day(c.expiresOn)],
                ['Trukket tilbage', c.withdrawnOn ? day(c.withdrawnOn) : 'Nej'],
                ['Gælder nu', yesNo(c.active)],
              ]),
              ...(c.text
                ? [{ text: c.text, italics: true, fontSize: 9, margin: [0, 2, 0, 0] } as Content]
                : []),
            ],
            margin: [0, 0, 0, 8],
            // One consent is read as a whole: never split over two pages.
            unbreakable: true,
          }),
        )),

    heading('Screeninger af jobparathed'),
    table(
      ['Dato', 'Målgruppe', 'Motivation', 'Barrierer', 'Bemærkning'],
      x.screenings.map((s) => [
        day(s.screenedOn),
        s.targetGroup.label,
        s.motivation.label,
        labels(s.barriers),
        dash(s.remark),
      ]),
      [60, '*', 80, '*', '*'],
    ),

    heading('Notater'),
    { text: 'Notater skrevet af de medarbejdere, der arbejder med dig.', margin: [0, 0, 0, 4] },
    table(
      ['Skrevet', 'Notat'],
      x.notes.map((n) => [instantDay(n.writtenAt), n.text]),
      [70, '*'],
    ),

    heading('Jobforslag'),
    {
      text: 'Jobåbninger, du er blevet foreslået til, og hvorfor matchningen pegede på dig.',
      margin: [0, 0, 0, 4],
    },
    table(
      ['Foreslået', 'Jobåbning', 'Status', 'Hvorfor'],
      x.proposals.map((p) => [
        instantDay(p.proposedAt),
        `${p.opening} (${p.company})`,
        p.status.label,
        p.reasons.length ? p.reasons.join('\n') : '–',
      ]),
      [60, '*', 80, '*'],
    ),

    heading('Ansættelser og opfølgning'),
    {
      text: 'Job og praktikker, du er kommet i, og jobcentrets opfølgning (efterværn) på dem.',
      margin: [0, 0, 0, 4],
    },
    ...(x.placements.length === 0
      ? [{ text: 'Ingen.', italics: true } as Content]
      : x.placements.map(
          (pl): Content => ({
            stack: [
              {
                text: `${pl.opening ?? pl.type.label} (${pl.company})`,
                bold: true,
                margin: [0, 4, 0, 2],
              },
              facts([
                ['Type', pl.type.label],
                ['Status', pl.status.label],
                ['Periode', `${day(pl.startDate)} – ${pl.endDate ? day(pl.endDate) : 'ingen slutdato'}`],
                ['Timer om ugen', dash(pl.hoursPerWeek)],
                ['Løntilskud', pl.wageSubsidy.label],
                ['Notat ved ansættelsen', dash(pl.note)],
                ['Årsag til afslutning', label(pl.endReason)],
                ['Notat ved afslutningen', dash(pl.endNote)],
              ]),
              { text: 'Opfølgninger', bold: true, margin: [0, 6, 0, 2] },
              table(
                ['Opfølgning', 'Dato', 'Status', 'Vurdering og resultat', 'Notat og handling'],
                pl.followUps.map((f) => [
                  f.checkIn,
                  day(f.dueDate),
                  f.recordedAt ? `${f.state.label} ${instantDay(f.recordedAt)}` : f.state.label,
                  [f.status?.label, f.retentionOutcome?.label, f.trialOutcome?.label]
                    .filter(Boolean)
                    .join(', ') || '–',
                  [f.notes, f.actionTaken].filter(Boolean).join('\n') || '–',
                ]),
                [70, 55, 70, '*', '*'],
              ),
              ...(pl.escalations.length
                ? [
                    { text: 'Eskaleringer (noget gik skævt)', bold: true, margin: [0, 6, 0, 2] } as Content,
                    table(
                      ['Rejst', 'Af', 'Hvad', 'Løst', 'Hvordan'],
                      pl.escalations.map((e) => [
                        instantDay(e.openedAt),
                        e.source.label,
                        e.reason,
                        e.resolvedAt ? instantDay(e.resolvedAt) : 'Åben',
                        dash(e.resolution),
                      ]),
                      [55, 70, '*', 55, '*'],
                    ),
                  ]
                : []),
            ],
            margin: [0, 0, 0, 8],
          }),
        )),

    heading('CV'),
    x.cv
      ? facts([
          ['Fil', x.cv.fileName],
          ['Størrelse', `${new Intl.NumberFormat('da-DK').format(Math.ceil(x.cv.sizeBytes / 1024))} kB`],
          ['Uploadet', instantDay(x.cv.uploadedAt)],
        ])
      : { text: 'Intet CV.', italics: true },
    { text: 'Selve CV-filen udleveres separat.', fontSize: 9, margin: [0, 2, 0, 0] },

    heading('Hvem har brugt dine oplysninger'),
    {
      text:
        'Hver gang en medarbejder har set eller ændret dine oplysninger – i jobcentret, i den boligsociale ' +
        'indsats eller hos en virksomhed, du er foreslået til: hvornår, hvorfor og fra hvilken organisation.',
      margin: [0, 0, 0, 4],
    },
    table(
      ['Tidspunkt', 'Formål', 'Organisation'],
      x.accesses.map((a) => [a.atText, a.purpose.label, a.organisation]),
      [90, '*', '*'],
    ),
  ];
  return {
    info: { title: 'Indsigt i dine oplysninger i Jobbro', creator: 'Jobbro', producer: 'Jobbro' },
    language: 'da-DK',
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 13, bold: true },
      lead: { fontSize: 13, margin: [0, 0, 0, 4] },
    },
    footer: (page, pages) => ({
      columns: [
        { text: `Jobbro – indsigt udskrevet ${x.generatedAtText}`, fontSize: 8 },
        { text: `Side ${page} af ${pages}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [40, 15, 40, 0],
    }),
    content: keepHeadingsWithNext(content),
  };
}

/** The PDF bytes of the access export. */
export function renderAccessReportPdf(x: TResidentExport): Promise<Buffer> {
  return renderPdf(accessReportDefinition(x));
}
