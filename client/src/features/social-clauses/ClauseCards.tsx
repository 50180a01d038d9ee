import { api } from '@client/api/client.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import {
  ASSIGNMENTS_PATH,
  formatPeriod,
  notifySaved,
  SOCIAL_CLAUSES_PATH,
} from '@client/features/assignments/assignment-ui.tsx';
import type { TClauseProgress } from '@domain/rules/clause-progress.ts';
import type { TSocialClause } from '@domain/social-clause.schema.ts';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClauseFormModal } from './ClauseFormModal.tsx';
import { ClauseProgress } from './ClauseProgress.tsx';

export type TClauseWithProgress = TSocialClause & {
  progress: TClauseProgress;
  /** Shown on the company page, where clauses of several assignments meet. */
  assignmentTitle?: string;
};

interface Props {
  clauses: TClauseWithProgress[];
  /** The assignment, when the clauses are edited on its page. */
  assignment?: { id: string; startDate: string; endDate: string };
  canEdit?: boolean;
  /** Heading level of each clause's title: 3 under a section's h2. */
  headingOrder?: 3 | 4;
}

/** Each clause as a card: what it is, its progress against the pro-rata expectation, who follows it. */
export function ClauseCards({ clauses, assignment, canEdit = false, headingOrder = 3 }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<TSocialClause | null>(null);
  const [removing, setRemoving] = useState<TSocialClause | null>(null);
  const label = (c: TSocialClause) => t(`socialClauses.kind.${c.kind}`);

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {clauses.map((c) => (
          <Paper key={c.id} withBorder radius="md" p="md" component="article">
            <Stack gap="xs">
              <Title order={headingOrder} fz="h5">
                {label(c)}
                {c.assignmentTitle ? (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/assignments/${c.assignmentId}`} fz="inherit">
                      {c.assignmentTitle}
                    </Anchor>
                  </>
                ) : null}
              </Title>
              {c.description ? <Text size="sm">{c.description}</Text> : null}
              <ClauseProgress kind={c.kind} progress={c.progress} />
              <Text size="sm">
                {t('socialClauses.periodText', { period: formatPeriod(c.periodStart, c.periodEnd) })}
                {' · '}
                {t('socialClauses.responsibleText', {
                  name: c.responsibleName ?? t('socialClauses.nobody'),
                })}
              </Text>
              {canEdit && assignment ? (
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="outline"
                    aria-label={t('common.editNamed', { name: label(c) })}
                    onClick={() => setEditing(c)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red"
                    aria-label={t('common.deleteNamed', { name: label(c) })}
                    onClick={() => setRemoving(c)}
                  >
                    {t('common.delete')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {assignment ? (
        <ClauseFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          assignment={assignment}
          editing={editing}
        />
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title={t('socialClauses.deleteTitle')}
        message={t('common.deleteConfirm', { name: removing ? label(removing) : '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await api.delete(`${SOCIAL_CLAUSES_PATH}/${removing.id}`);
          await Promise.all([
            qc.invalidateQueries({ queryKey: [ASSIGNMENTS_PATH] }),
            qc.invalidateQueries({ queryKey: [SOCIAL_CLAUSES_PATH] }),
          ]);
          notifySaved(t, t('common.deleted', { name: label(removing) }));
        }}
      />
    </>
  );
}
