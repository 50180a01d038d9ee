import {
  cellText,
  type TReportChart,
  type TReportDocument,
  type TReportSection,
  type TReportTable,
} from '@domain/reports/report-document.ts';
import { renderPdf } from '@server/platform/pdf.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { barChartSvg, lineChartSvg } from './report-charts.ts';

// The partnership report as a readable A4 PDF: a front page, then each section on a new page with
// its heading, charts and tables (headers repeat on a new page), page numbers in the footer. It
// draws report-document.ts's document and nothing else, as the XLSX does.

const PAGE_MARGIN = 40;
/** A4's width (595 pt) less the margins. */
const CONTENT_WIDTH = 595 - 2 * PAGE_MARGIN;
/** Tables up to this many rows are never split over two pages. */
const UNBREAKABLE_ROWS = 20;

function chartContent(chart: TReportChart): Content {
  const svg = chart.kind === 'bars' ? barChartSvg(chart, CONTENT_WIDTH) : lineChartSvg(chart, CONTENT_WIDTH);
  return {
    stack: [
      { text: chart.title, style: 'h3' },
      { svg, width: CONTENT_WIDTH },
    ],
    // A chart and its title are read together: never split over two pages.
    unbreakable: true,
    margin: [0, 0, 0, 6],
  };
}

function tableContent(table: TReportTable): Content {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const fontSize = table.columns.length > 6 ? 7.5 : 8.5;
  const notes = table.notes.map((n): Content => ({ text: n, style: 'note' }));
  const title: Content = { text: table.title, style: 'h3' };
  if (table.rows.length === 0) return { stack: [title, ...notes], margin: [0, 0, 0, 12] };
  const header = table.columns.map(
    (c): TableCell => ({ text: c.header, bold: true, fillColor: '#e8eef5', alignment: c.align }),
  );
  const body = table.rows.map((row) =>
    row.cells.map(
      (cell, i): TableCell => ({
        text: cellText(cell),
        alignment: table.columns[i]?.align ?? 'left',
        bold: row.total === true,
      }),
    ),
  );
  return {
    stack: [
      title,
      {
        table: {
          headerRows: 1,
          // The header and the first rows stay together.
          keepWithHeaderRows: 1,
          widths: table.columns.map((c) =>
            Math.max(24, (c.width / total) * (CONTENT_WIDTH - 4 * table.columns.length)),
          ),
          body: [header, ...body],
        },
        layout: 'lightHorizontalLines',
        fontSize,
      },
      ...notes,
    ],
    // A short table is read as a whole: moved to the next page rather than split.
    unbreakable: table.rows.length <= UNBREAKABLE_ROWS,
    margin: [0, 0, 0, 10],
  };
}

function frontPage(doc: TReportDocument, summary: TReportSection, rest: TReportSection[]): Content[] {
  const facts = summary.tables[0];
  return [
    { text: doc.title, style: 'h1' },
    { text: doc.partnershipName, style: 'lead' },
    { text: `Periode: ${doc.periodText}`, margin: [0, 0, 0, 2] },
    { text: `Dannet: ${doc.generatedText}`, margin: [0, 0, 0, 12] },
    ...summary.paragraphs.map((p): Content => ({ text: p, margin: [0, 0, 0, 8] })),
    ...(facts
      ? [
          {
            table: {
              widths: [110, '*'],
              body: facts.rows.map((row): TableCell[] => [
                { text: cellText(row.cells[0] ?? null), bold: true },
                { text: cellText(row.cells[1] ?? null) },
              ]),
            },
            layout: 'lightHorizontalLines',
            margin: [0, 4, 0, 16],
          } as Content,
        ]
      : []),
    { text: 'Indhold', style: 'h2' },
    { ol: rest.map((s) => s.title), margin: [0, 0, 0, 0] },
  ];
}

function sectionContent(section: TReportSection): Content[] {
  return [
    { text: section.title, style: 'h2', pageBreak: 'before' },
    ...section.paragraphs.map((p): Content => ({ text: p, margin: [0, 0, 0, 6] })),
    ...section.charts.map(chartContent),
    ...section.tables.map(tableContent),
  ];
}

export function reportPdfDefinition(doc: TReportDocument): TDocumentDefinitions {
  const [summary, ...rest] = doc.sections;
  return {
    pageSize: 'A4',
    pageMargins: [PAGE_MARGIN, 40, PAGE_MARGIN, 44],
    language: 'da-DK',
    info: {
      title: `${doc.title} – ${doc.partnershipName} – ${doc.periodText}`,
      author: 'Jobbro',
      subject: 'Partnerskabets resultater',
    },
    content: [...(summary ? frontPage(doc, summary, rest) : []), ...rest.flatMap(sectionContent)],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `${doc.title} · ${doc.partnershipName} · ${doc.periodText}`, fontSize: 8 },
        { text: `Side ${currentPage} af ${pageCount}`, alignment: 'right', fontSize: 8, width: 80 },
      ],
      margin: [PAGE_MARGIN, 14, PAGE_MARGIN, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 6] },
      lead: { fontSize: 14, margin: [0, 0, 0, 8] },
      h2: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 4, 0, 3] },
      note: { fontSize: 7.5, italics: true, margin: [0, 2, 0, 0] },
    },
  };
}

/** The report as PDF bytes. */
export function reportPdf(doc: TReportDocument): Promise<Buffer> {
  return renderPdf(reportPdfDefinition(doc));
}
