import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/**
 * A titled section of a detail page (an h2 by default), with optional actions beside the title.
 * Named by its heading, so it is a region landmark screen readers can jump to.
 */
export function SectionCard({
  title,
  actions,
  children,
  order = 2,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  order?: 2 | 3;
}) {
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={order} fz={order === 2 ? 'h3' : 'h4'} id={headingId}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** A grid of facts as a description list (dt/dd), so label and value stay paired for screen readers. */
export function FactGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0}>
      {children}
    </SimpleGrid>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children || '–'}
      </Text>
    </div>
  );
}
