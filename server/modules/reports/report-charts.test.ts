import { describe, expect, it } from 'vitest';
import { barChartSvg, escapeXml, lineChartSvg, niceScale } from './report-charts.ts';

// The PDF's charts as SVG: bars in proportion, hidden values without a bar, lines that break at a
// missing year, the municipal average dashed, and no label able to break the markup.

const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe('bar chart', () => {
  const svg = barChartSvg(
    {
      kind: 'bars',
      title: 'Tragten',
      bars: [
        { label: 'Jobåbninger', value: 40, text: '40' },
        { label: 'Forslag', value: 20, text: '20' },
        { label: 'Ansættelser <&> "A"', value: null, text: '< 5' },
        { label: 'Fastholdt', value: 0, text: '0' },
      ],
    },
    515,
  );

  it('draws a bar per shown value, in proportion to the largest', () => {
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // 515 − 250 (labels) − 44 (values) = 221 for the largest.
    expect(widths).toEqual([221, 110.5, 0]);
  });

  it('shows a hidden value as its text, without a bar, and escapes every label', () => {
    expect(svg).toContain('&lt; 5');
    expect(svg).toContain('Ansættelser &lt;&amp;&gt; &quot;A&quot;');
    expect(svg).not.toContain('<&>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="515"')).toBe(true);
  });
});

describe('line chart', () => {
  const svg = lineChartSvg({
    kind: 'lines',
    title: 'Andel i beskæftigelse',
    unit: '%',
    years: [2019, 2020, 2021, 2022],
    series: [
      { label: 'Houlkærvænget', values: [48.07, 49, null, 52], dashed: false },
      { label: 'Vestervang', values: [49.44, null, null, null], dashed: false },
      { label: 'Kommunens gennemsnit', values: [76.91, 77, 77.5, 78], dashed: true },
    ],
  });

  it('breaks a line at a missing year and draws a lone year as a marker only', () => {
    // Houlkærvænget: 2019-2020, then 2022 alone; Vestervang: 2019 alone; the average: one line.
    expect(count(svg, /<polyline /g)).toBe(2);
    expect(count(svg, /stroke-dasharray/g)).toBe(2); // the average's line and its legend
    expect(svg).toContain('Houlkærvænget');
    expect(svg).toContain('>2022<');
  });

  it('has a y axis from 0 to a round top with Danish numbers', () => {
    expect(niceScale(78)).toEqual({ top: 80, step: 20 });
    expect(svg).toContain('>80<');
    expect(svg).toContain('>0<');
  });
});

describe('niceScale and escapeXml', () => {
  it('rounds axes up to a step of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceScale(37)).toEqual({ top: 40, step: 10 });
    expect(niceScale(1400)).toEqual({ top: 1500, step: 500 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(0)).toEqual({ top: 1, step: 0.25 });
  });

  it('escapes the five XML characters', () => {
    expect(escapeXml(`Ærø & "Søby" <'x'>`)).toBe('Ærø &amp; &quot;Søby&quot; &lt;&apos;x&apos;&gt;');
  });
});
