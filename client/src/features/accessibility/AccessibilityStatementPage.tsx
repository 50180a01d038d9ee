import { usePageTitle } from '@client/components/usePageTitle.ts';
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const ACCESSIBILITY_CONTACT = 'tilgaengelighed@jobbro.test';
export const STATEMENT_DATE = '24.11.2026';

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * Tilgængelighedserklæring in the structure Danish public bodies publish (lov om tilgængelighed af
 * offentlige organers websteder og mobilapplikationer; Digitaliseringsstyrelsen's template).
 */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  usePageTitle(t('a11y.title'));
  const k = (key: string) => t(`a11y.${key}`, { date: STATEMENT_DATE, email: ACCESSIBILITY_CONTACT });
  return (
    <Stack maw={780} gap="lg" className="prose">
      <Title order={1}>{t('a11y.title')}</Title>
      <Text>{k('intro')}</Text>
      <Text>{k('scope')}</Text>

      <Paper withBorder p="lg" radius="md" bg="blue.0">
        <Title order={2} size="h3" mb="xs">
          {t('a11y.statusTitle')}
        </Title>
        <Text fw={600}>{k('status')}</Text>
      </Paper>

      <section aria-labelledby="a11y-issues">
        <Title order={2} size="h3" id="a11y-issues" mb="xs">
          {t('a11y.issuesTitle')}
        </Title>
        <Text mb="xs">{k('issuesIntro')}</Text>
        <List spacing="xs">
          {list(t('a11y.issues', { returnObjects: true })).map((x) => (
            <List.Item key={x}>{x}</List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="a11y-prepared">
        <Title order={2} size="h3" id="a11y-prepared" mb="xs">
          {t('a11y.preparedTitle')}
        </Title>
        <Text>{k('prepared')}</Text>
      </section>

      <section aria-labelledby="a11y-feedback">
        <Title order={2} size="h3" id="a11y-feedback" mb="xs">
          {t('a11y.feedbackTitle')}
        </Title>
        <Text>
          {k('feedback')} <Anchor href={`mailto:${ACCESSIBILITY_CONTACT}`}>{ACCESSIBILITY_CONTACT}</Anchor>.
        </Text>
        <Text mt="xs">{k('feedbackAnswer')}</Text>
      </section>

      <section aria-labelledby="a11y-complaint">
        <Title order={2} size="h3" id="a11y-complaint" mb="xs">
          {t('a11y.complaintTitle')}
        </Title>
        <Text>
          {k('complaint')}{' '}
          <Anchor href="https://www.was.digst.dk/" lang="da">
            was.digst.dk
          </Anchor>
          .
        </Text>
      </section>

      <Text size="sm" c="dimmed">
        {k('dated')}
      </Text>
    </Stack>
  );
}
