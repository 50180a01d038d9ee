import {
  BarChart,
  type BarChartProps,
  type BarChartSeries,
  type ChartReferenceLineProps,
} from '@mantine/charts';
import { Box, type MantineSpacing, Text } from '@mantine/core';
import { useId } from 'react';

/**
 * A bar chart of rates (0–100 %) per group, as a figure with its caption. The chart repeats the
 * table shown with it, so screen readers skip it and get the table.
 */
export function RateBarChart({
  data,
  series,
  caption,
  h,
  mb,
  referenceLines,
  formatRate,
}: {
  /** One row per group: `label` and a percentage (0–100) per series. */
  data: BarChartProps['data'];
  series: BarChartSeries[];
  caption: string;
  h: number;
  mb?: MantineSpacing;
  referenceLines?: ChartReferenceLineProps[];
  /** A rate (0–1) as the tooltip shows it. */
  formatRate: (rate: number) => string;
}) {
  const captionId = useId();
  return (
    <Box component="figure" m={0} mb={mb} aria-labelledby={captionId}>
      <div aria-hidden="true">
        <BarChart
          h={h}
          data={data}
          dataKey="label"
          series={series}
          yAxisProps={{ domain: [0, 100], tickFormatter: (v: number) => `${v} %` }}
          referenceLines={referenceLines}
          withLegend
          tooltipProps={{ isAnimationActive: false }}
          barChartProps={{ accessibilityLayer: false }}
          valueFormatter={(v) => formatRate(v / 100)}
        />
      </div>
      <Text component="figcaption" id={captionId} size="sm" mt="xs">
        {caption}
      </Text>
    </Box>
  );
}
