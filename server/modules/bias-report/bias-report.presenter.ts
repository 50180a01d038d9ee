import type { TBiasDimensionReport, TBiasGroup, TBiasReport } from '@domain/reports/bias.schema.ts';
import { danishDate, formatDanishDate } from '@domain/time.ts';
import { writeCsv } from '@server/platform/spreadsheet.ts';
import ExcelJS from 'exceljs';

// The bias report as downloads: XLSX with one sheet per dimension (and an overview and the
// definitions), or one CSV table. Both carry exactly what the API publishes: counts under 5 are
// already null there and are written as "< 5".

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

const SMALL = (minCount: number) => `< ${minCount}`;
const FLAG = 'Under 4/5 af den højeste gruppe';

const HEADERS = [
  'Gruppe',
  'Grundlag',
  'Foreslået',
  'Ansat',
  'Forslagsrate (%)',
  'Forslagsrate i forhold til højeste (%)',
  'Forslag: 4/5-reglen',
  'Ansættelsesrate (%)',
  'Ansættelsesrate i forhold til højeste (%)',
  'Ansættelse: 4/5-reglen',
] as const;

/** A file name without characters a file system dislikes: "skaevhedsrapport-viborg-2026-01-01-2026-12-31". */
export function reportFileName(report: TBiasReport, extension: 'xlsx' | 'csv'): string {
  const slug = report.partnership.name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `skaevhedsrapport-${slug || 'partnerskab'}-${report.period.from}-${report.period.to}.${extension}`;
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const danishPercent = (rate: number | null) => {
  const p = percent(rate);
  return p === null ? '' : p.toFixed(1).replace('.', ',');
};

function flagText(group: TBiasGroup, which: 'proposal' | 'hire'): string {
  return group.fourFifthsFlag[which] ? FLAG : '';
}

function referenceNote(dimension: TBiasDimensionReport): string {
  const label = (key: string | null) => dimension.groups.find((g) => g.key === key)?.label ?? 'ingen';
  return `Højeste forslagsrate: ${label(dimension.referenceGroup.proposal)}. Højeste ansættelsesrate: ${label(dimension.referenceGroup.hire)}.`;
}

export async function biasReportXlsx(report: TBiasReport, generatedAt: Date): Promise<Buffer> {
  const small = SMALL(report.definitions.minCount);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jobbro';
  workbook.created = generatedAt;

  const overview = workbook.addWorksheet('Oversigt');
  overview.columns = [
    { header: 'Emne', key: 'k', width: 34 },
    { header: 'Værdi', key: 'v', width: 60 },
  ];
  overview.getRow(1).font = { bold: true };
  overview.addRows([
    { k: 'Rapport', v: 'Skævhedsrapport: forslag og ansættelser' },
    { k: 'Partnerskab', v: report.partnership.name },
    { k: 'Periode', v: `${formatDanishDate(report.period.from)} – ${formatDanishDate(report.period.to)}` },
    { k: 'Alder opgjort pr.', v: formatDanishDate(report.definitions.ageOn) },
    { k: 'Dannet', v: formatDanishDate(danishDate(generatedAt)) },
  ]);
  if (report.empty) overview.addRow({ k: 'Bemærk', v: 'Ingen i grundlaget fik forslag i perioden.' });

  for (const dimension of report.dimensions) {
    const sheet = workbook.addWorksheet(dimension.label);
    sheet.columns = HEADERS.map((header, i) => ({ header, key: `c${i}`, width: i === 0 ? 30 : 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const g of dimension.groups) {
      const row = sheet.addRow([
        g.label,
        g.population ?? small,
        g.proposed ?? small,
        g.hired ?? small,
        percent(g.proposalRate),
        percent(g.proposalRatio),
        flagText(g, 'proposal'),
        percent(g.hireRate),
        percent(g.hireRatio),
        flagText(g, 'hire'),
      ]);
      for (const c of [5, 6, 8, 9]) row.getCell(c).numFmt = '0.0';
    }
    sheet.addRow([]);
    sheet.addRow([referenceNote(dimension)]);
  }

  const definitions = workbook.addWorksheet('Definitioner');
  definitions.columns = [
    { header: 'Begreb', key: 'term', width: 26 },
    { header: 'Forklaring', key: 'text', width: 110 },
  ];
  definitions.getRow(1).font = { bold: true };
  definitions.addRows(report.definitions.texts);
  definitions.addRow({
    term: 'Aldersgrupper',
    text: report.definitions.ageBands.map((b) => b.label).join(', '),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table: a row per dimension and group, Danish numbers, `;` as Danish Excel reads it. */
export function biasReportCsv(report: TBiasReport): Buffer {
  const small = SMALL(report.definitions.minCount);
  const count = (n: number | null) => (n === null ? small : String(n));
  const rows: string[][] = [['Opdeling', ...HEADERS]];
  for (const dimension of report.dimensions) {
    for (const g of dimension.groups) {
      rows.push([
        dimension.label,
        g.label,
        count(g.population),
        count(g.proposed),
        count(g.hired),
        danishPercent(g.proposalRate),
        danishPercent(g.proposalRatio),
        flagText(g, 'proposal'),
        danishPercent(g.hireRate),
        danishPercent(g.hireRatio),
        flagText(g, 'hire'),
      ]);
    }
  }
  // A BOM, so Excel opens the UTF-8 file with æ, ø and å intact.
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), writeCsv(rows)]);
}
