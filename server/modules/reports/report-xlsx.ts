import { type TCellFormat, type TReportDocument, tablesOf } from '@domain/reports/report-document.ts';
import ExcelJS from 'exceljs';

// The partnership report as XLSX: one sheet per table of report-document.ts's document (the PDF
// draws the same document), the header row bold and frozen, numbers as numbers with formats Excel
// shows the Danish way (1.234 and 23,1 %) in a Danish Excel, text "< 5" where a count is hidden.

/** Excel number formats; Excel writes its own thousands and decimal separators by locale. */
export const XLSX_NUMBER_FORMATS: Record<TCellFormat, string> = {
  count: '#,##0',
  signed: '#,##0;-#,##0;0',
  percent: '0.0" %"',
  decimal: '#,##0.00',
};

export async function reportXlsx(doc: TReportDocument, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jobbro';
  workbook.created = generatedAt;
  workbook.title = `${doc.title} – ${doc.partnershipName} – ${doc.periodText}`;
  for (const table of tablesOf(doc)) {
    const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      style: { alignment: { horizontal: c.align, vertical: 'top', wrapText: c.width >= 40 } },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    for (const row of table.rows) {
      const added = sheet.addRow(
        row.cells.map((cell) => (cell === null ? '–' : typeof cell === 'string' ? cell : cell.value)),
      );
      row.cells.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object')
          added.getCell(i + 1).numFmt = XLSX_NUMBER_FORMATS[cell.format];
      });
      if (row.total) added.font = { bold: true };
    }
    if (table.notes.length > 0) {
      sheet.addRow([]);
      for (const note of table.notes) {
        const added = sheet.addRow([note]);
        added.getCell(1).alignment = { horizontal: 'left', vertical: 'top', wrapText: false };
        added.font = { italic: true };
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
