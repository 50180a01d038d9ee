import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake 0.3 on the server, configured once for every PDF Jobbro makes: the bundled Roboto fonts
// (they carry æ, ø and å), and access policies that let pdfmake read those font files and nothing
// else (no URL, no other file), so no text in a person's data can make it fetch anything.
// pdfmake's configuration is global: any module that sets it must set exactly this.

export const PDF_FONT_DIR = path.dirname(
  createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
);

pdfmake.setFonts({
  Roboto: {
    normal: path.join(PDF_FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(PDF_FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(PDF_FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(PDF_FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(PDF_FONT_DIR + path.sep));

/** Renders a document definition to the bytes of a PDF. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}
