import { tinyPdf } from '@server/test/uploads.ts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeText, detectSpreadsheetKind, readCsv, readSpreadsheet, readXlsx } from './spreadsheet.ts';

// The shared reading of uploaded spreadsheets (company import, jobcenter list import).

async function xlsx(rows: ExcelJS.CellValue[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const r of rows) sheet.addRow(r);
  build?.(sheet);
  workbook.addWorksheet('Ark2').addRow(['ignored']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('text', () => {
  it('reads UTF-8 with and without BOM, and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFFødselsdato;Ø', 'utf8'))).toBe('Fødselsdato;Ø');
    expect(decodeText(Buffer.from('Fødselsdato;Ø', 'utf8'))).toBe('Fødselsdato;Ø');
    expect(decodeText(Buffer.from('Fødselsdato;Ærø', 'latin1'))).toBe('Fødselsdato;Ærø');
  });

  it('keeps empty lines as empty rows, so row numbers match Excel', () => {
    expect(readCsv(Buffer.from('a;b\r\n1;2\r\n\r\n3;"x;y"\r\n'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      [''],
      ['3', 'x;y'],
    ]);
    expect(readCsv(Buffer.from('a,b\n1,2\n'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('kind by content', () => {
  it('tells XLSX and CSV from anything else, whatever the name says', async () => {
    expect(await detectSpreadsheetKind(await xlsx([['a']]))).toBe('xlsx');
    expect(await detectSpreadsheetKind(Buffer.from('ID;Navn\r\n1;Anna\r\n'))).toBe('csv');
    expect(await detectSpreadsheetKind(tinyPdf())).toBeNull();
    expect(await detectSpreadsheetKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(await detectSpreadsheetKind(Buffer.from([1, 2, 0, 4]))).toBeNull();
  });
});

describe('XLSX', () => {
  it('reads the first sheet: text, numbers, dates, rich text and formula results', async () => {
    const buffer = await xlsx(
      [
        ['ID', 'Navn', 'Født', 'Postnr', 'Beregnet'],
        ['1', 'Anna', new Date(Date.UTC(1990, 4, 17)), 8800, null],
      ],
      (ws) => {
        ws.getCell('B2').value = { richText: [{ text: 'An' }, { text: 'na' }] };
        ws.getCell('E2').value = { formula: '1+1', result: 2 };
      },
    );
    expect(await readSpreadsheet('xlsx', buffer)).toEqual([
      ['ID', 'Navn', 'Født', 'Postnr', 'Beregnet'],
      ['1', 'Anna', '1990-05-17', '8800', '2'],
    ]);
  });

  it('refuses a broken workbook with a Danish message instead of crashing', async () => {
    const buffer = await xlsx([['a', 'b']]);
    const broken = Buffer.concat([buffer.subarray(0, 200), Buffer.alloc(200)]);
    await expect(readXlsx(broken)).rejects.toBeInstanceOf(AppError);
    await expect(readXlsx(broken)).rejects.toMatchObject({
      fields: { file: 'XLSX-filen kunne ikke læses. Er det et Excel-regneark?' },
    });
  });
});
