import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from './SectionCard.tsx';

/**
 * A report's definitions as a description list under a heading: each term (`<ns>.term.<key>`)
 * with its definition (`<ns>.definition.<key>`, interpolated with `values`). The bias report, the
 * retention report and the dashboard explain their figures this way.
 */
export function DefinitionsCard({
  namespace,
  keys,
  values,
}: {
  namespace: string;
  keys: readonly string[];
  values?: Record<string, string | number>;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t(`${namespace}.definitions`)}>
      <Box component="dl" m={0}>
        {keys.map((key) => (
          <Box key={key} mb="sm">
            <Text component="dt" fw={700}>
              {t(`${namespace}.term.${key}`)}
            </Text>
            <Text component="dd" m={0}>
              {t(`${namespace}.definition.${key}`, values ?? {})}
            </Text>
          </Box>
        ))}
      </Box>
    </SectionCard>
  );
}
