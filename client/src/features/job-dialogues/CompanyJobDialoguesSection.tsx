import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogueTable, useDialogues } from './dialogue-ui.tsx';

/**
 * The company page's "Jobdialoger": the organisation's conversations with the company about jobs.
 * Internal to the housing side: a company contact never sees them.
 */
export function CompanyJobDialoguesSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canList = meCan(me, 'list', { kind: 'job_dialogue' });
  const dialogues = useDialogues({ companyId }, canList);
  if (!canList) return null;
  const items = dialogues.data?.items ?? [];
  return (
    <SectionCard title={t('jobDialogues.title')}>
      <ErrorAlert error={dialogues.error} />
      {dialogues.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text>{t('jobDialogues.noneForCompany')}</Text>
      ) : (
        <DialogueTable dialogues={items} caption={t('jobDialogues.title')} showAssignment />
      )}
    </SectionCard>
  );
}
