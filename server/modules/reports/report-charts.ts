import type { TBarChart, TLineChart } from '@domain/reports/report-document.ts';

// Tiny SVG charts for the PDF report (pdfmake 0.3 draws `svg` nodes): horizontal bars for the
// funnel and lines per area with the municipal average dashed for an indicator's trend. Pure
// string building; every label is escaped, so an area's name cannot break the document. Colours
// are dark enough for 4.5:1 on white, and each series also differs by marker, so the chart reads
// in black and white too.

const FONT = 'Roboto';
const TEXT = '#1a1a1a';
const GRID = '#c8c8c8';
/** Distinct, dark-enough colours (blue, orange-brown, green, purple, red, teal). */
export const SERIES_COLOURS = ['#1c5d99', '#9a4a00', '#2e7d32', '#6a3d9a', '#b3261e', '#00695c'];
const AVERAGE_COLOUR = '#333333';

const danish = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** Text safe inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const r = (n: number) => Math.round(n * 10) / 10;

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${r(x)}" y="${r(y)}" font-family="${FONT}" font-size="9" fill="${TEXT}" ${attrs}>${escapeXml(content)}</text>`;
}

/** A label cut to what fits in `maxChars`, with an ellipsis. */
function shorten(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, maxChars - 1)}…`;
}

/** A round upper bound for an axis and its step: 0 → 1, 37 → 40 in steps of 10, 1400 → 1500. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step) * step, step };
}

/** Horizontal bars, one row per bar: label, bar, value. A hidden value ("< 5") has no bar. */
export function barChartSvg(chart: TBarChart, width = 515): string {
  const rowHeight = 18;
  const labelWidth = 250;
  const valueWidth = 44;
  const top = 6;
  const height = top + chart.bars.length * rowHeight + 6;
  const barArea = width - labelWidth - valueWidth;
  const max = Math.max(0, ...chart.bars.map((b) => b.value ?? 0));
  const parts = chart.bars.map((b, i) => {
    const y = top + i * rowHeight;
    const length = b.value === null || max === 0 ? 0 : (b.value / max) * barArea;
    const bar =
      b.value === null
        ? ''
        : `<rect x="${labelWidth}" y="${r(y + 3)}" width="${r(Math.max(length, b.value > 0 ? 1 : 0))}" height="${rowHeight - 6}" fill="${SERIES_COLOURS[0]}"/>`;
    return [
      text(labelWidth - 6, y + rowHeight / 2 + 3, shorten(b.label, 54), 'text-anchor="end"'),
      bar,
      text(labelWidth + length + 4, y + rowHeight / 2 + 3, b.text),
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

function marker(kind: (typeof MARKERS)[number], x: number, y: number, colour: string): string {
  switch (kind) {
    case 'circle':
      return `<circle cx="${r(x)}" cy="${r(y)}" r="3" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${r(x - 3)}" y="${r(y - 3)}" width="6" height="6" fill="${colour}"/>`;
    case 'diamond':
      return `<polygon points="${r(x)},${r(y - 4)} ${r(x + 4)},${r(y)} ${r(x)},${r(y + 4)} ${r(x - 4)},${r(y)}" fill="${colour}"/>`;
    case 'triangle':
      return `<polygon points="${r(x)},${r(y - 4)} ${r(x + 4)},${r(y + 3)} ${r(x - 4)},${r(y + 3)}" fill="${colour}"/>`;
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

/**
 * Lines over the years, one per series (an area), the municipal average dashed, with a y axis from
 * 0 and a legend under the plot. A series breaks where a year has no value; a lone year is a marker.
 */
export function lineChartSvg(chart: TLineChart, width = 515): string {
  const plot = { left: 44, right: width - 12, top: 20, bottom: 160 };
  const legendRows = Math.ceil(chart.series.length / 3);
  const height = plot.bottom + 24 + legendRows * 14 + 4;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top, step } = niceScale(Math.max(0, ...values));
  const yOf = (v: number) => plot.bottom - (v / top) * (plot.bottom - plot.top);
  const slot = (plot.right - plot.left) / Math.max(1, chart.years.length);
  const xOf = (i: number) => plot.left + slot * (i + 0.5);
  const parts: string[] = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    const y = yOf(v);
    parts.push(
      `<line x1="${plot.left}" y1="${r(y)}" x2="${plot.right}" y2="${r(y)}" stroke="${GRID}" stroke-width="0.5"/>`,
    );
    parts.push(text(plot.left - 4, y + 3, danish.format(v), 'text-anchor="end"'));
  }
  parts.push(text(plot.left - 4, plot.top - 10, chart.unit, 'text-anchor="end"'));
  chart.years.forEach((year, i) => {
    parts.push(text(xOf(i), plot.bottom + 12, String(year), 'text-anchor="middle"'));
  });
  chart.series.forEach((s, si) => {
    const colour = s.dashed ? AVERAGE_COLOUR : SERIES_COLOURS[si % SERIES_COLOURS.length]!;
    const dash = s.dashed ? ' stroke-dasharray="5,3"' : '';
    // Runs of consecutive years with values become one polyline each.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        parts.push(
          `<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="1.5"${dash}/>`,
        );
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) {
        flush();
        return;
      }
      run.push(`${r(xOf(i))},${r(yOf(v))}`);
      parts.push(marker(s.dashed ? 'square' : MARKERS[si % MARKERS.length]!, xOf(i), yOf(v), colour));
    });
    flush();
    const col = si % 3;
    const row = Math.floor(si / 3);
    const lx = plot.left + col * ((plot.right - plot.left) / 3);
    const ly = plot.bottom + 28 + row * 14;
    parts.push(
      `<line x1="${r(lx)}" y1="${r(ly - 3)}" x2="${r(lx + 16)}" y2="${r(ly - 3)}" stroke="${colour}" stroke-width="1.5"${dash}/>`,
    );
    parts.push(marker(s.dashed ? 'square' : MARKERS[si % MARKERS.length]!, lx + 8, ly - 3, colour));
    parts.push(text(lx + 20, ly, shorten(s.label, 28)));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${r(height)}" viewBox="0 0 ${width} ${r(height)}">${parts.join('')}</svg>`;
}
