import { Fieldset, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A group of a long form's fields under its own heading (a fieldset with an h2 legend). */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={
        <Title order={2} size="h4">
          {legend}
        </Title>
      }
      radius="md"
    >
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  );
}
