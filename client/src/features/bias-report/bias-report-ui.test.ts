import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import {
  AGE_BANDS,
  compareGroups,
  GENDER_GROUP_LABEL_DA,
  GENDER_GROUPS,
  OUTSIDE_AREAS_LABEL_DA,
} from '@domain/reports/bias.ts';
import { describe, expect, it } from 'vitest';
import {
  chartRows,
  flaggedCount,
  formatCount,
  formatRate,
  fourFifthsLine,
  groupLabelKey,
} from './bias-report-ui.ts';

const g = (key: string, population: number, proposed: number, hired: number) => ({
  key,
  label: key,
  population,
  proposed,
  hired,
});
// A 40 % / 50 %, B 30 % / 50 %, C and D suppressed (hidden cells hold 5 or more: nothing else hidden).
const dimension = compareGroups('gender', [
  g('A', 50, 20, 10),
  g('B', 40, 12, 6),
  g('C', 3, 1, 0),
  g('D', 4, 4, 0),
]);

describe('bias report formatting', () => {
  it('writes rates as Danish percentages with one decimal, a hidden one as a dash', () => {
    expect(formatRate(5 / 12)).toBe('41,7 %');
    expect(formatRate(0)).toBe('0,0 %');
    expect(formatRate(null)).toBe('–');
  });

  it('writes a suppressed count as "< 5" and others with Danish grouping', () => {
    expect(formatCount(null, 5)).toBe('< 5');
    expect(formatCount(0, 5)).toBe('0');
    expect(formatCount(1234, 5)).toBe('1.234');
  });
});

describe('the chart', () => {
  it('has a row per group with the rates in percent, no bar for a hidden rate', () => {
    expect(chartRows(dimension)).toEqual([
      { label: 'A', proposalRate: 40, hireRate: 50 },
      { label: 'B', proposalRate: 30, hireRate: 50 },
      { label: 'C', proposalRate: null, hireRate: null },
      { label: 'D', proposalRate: null, hireRate: null },
    ]);
  });

  it('puts the four-fifths line at 4/5 of the highest shown rate', () => {
    expect(fourFifthsLine(dimension, 'proposal', 0.8)).toBe(32);
    expect(fourFifthsLine(dimension, 'hire', 0.8)).toBe(40);
    const nobody = compareGroups('gender', [g('A', 10, 0, 0)]);
    expect(fourFifthsLine(nobody, 'proposal', 0.8)).toBe(null);
  });

  it('counts the flagged groups', () => {
    // B: 30 % < 32 %.
    expect(flaggedCount([dimension])).toBe(1);
  });
});

describe('group labels', () => {
  it('has a Danish and an English label for every age band and gender group', () => {
    for (const band of AGE_BANDS) {
      const key = groupLabelKey('age_band', { ...dimension.groups[0]!, key: band.key })!;
      expect(key).toBe(`biasReport.ageBand.${band.key}`);
      // The Danish UI says what the domain (and the downloads) say.
      expect(da.biasReport.ageBand[band.key]).toBe(band.label);
      expect(en.biasReport.ageBand).toHaveProperty(band.key);
    }
    for (const gender of GENDER_GROUPS) {
      expect(da.biasReport.gender[gender]).toBe(GENDER_GROUP_LABEL_DA[gender]);
      expect(en.biasReport.gender).toHaveProperty(gender);
    }
    expect(groupLabelKey('area', { ...dimension.groups[0]!, key: 'some-area-id' })).toBe(null);
    expect(groupLabelKey('area', { ...dimension.groups[0]!, key: 'outside' })).toBe(
      'biasReport.outsideAreas',
    );
    expect(da.biasReport.outsideAreas).toBe(OUTSIDE_AREAS_LABEL_DA);
  });
});
