import { Fact, FactGrid } from '@client/components/SectionCard.tsx';
import { formatDate, formatNumber, formatTime } from '@client/lib/format.ts';
import { findOccupation } from '@domain/occupations.ts';
import type { TCandidateProfile } from '@domain/placement.schema.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import { List, Stack, Text } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

// Shared bits of the company portal: its API paths, the statuses a company sees, and the
// candidate's profile as consent (b) lets an employer see it.

export const COMPANY_PROPOSALS_PATH = '/api/company/proposals';
export const COMPANY_OPENINGS_PATH = '/api/company/openings';

/** The statuses a proposal can have once it has reached the company, in the order of the path. */
export const COMPANY_PROPOSAL_STATUSES: readonly TProposalStatus[] = [
  'sent_to_company',
  'interview',
  'hired',
  'company_declined',
];

/** After a company move: the lists and the openings' pipeline counts are fetched again. */
export async function invalidateCompanyViews(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: [COMPANY_PROPOSALS_PATH] }),
    qc.invalidateQueries({ queryKey: [COMPANY_OPENINGS_PATH] }),
  ]);
}

/** An interview's instant as "02.12.2026 kl. 10.00" (Danish time); '' for none. */
export function useInterviewAt(): (at: string | null) => string {
  const { t } = useTranslation();
  return (at) =>
    at ? t('companyPortal.interviewAtValue', { date: formatDate(at), time: formatTime(at) }) : '';
}

/** An occupation id as its title in the UI language ("Tømrer"); the id itself if unknown. */
export function useOccupationTitle(): (id: string) => string {
  const { i18n } = useTranslation();
  return (id) => {
    const o = findOccupation(id);
    if (!o) return id;
    return i18n.language === 'en' ? o.titleEn : o.titleDa;
  };
}

/** "2019-2021", "2019-", "-2021" or nothing. */
function years(from: number | null, to: number | null): string {
  if (!from && !to) return '';
  return `${from ?? ''}–${to ?? ''}`;
}

/**
 * What the company may see of the candidate: first name, occupations, experience, hours and
 * availability (resident-access.ts "candidate"); nothing else is ever sent to the browser.
 */
export function CandidateProfile({ candidate }: { candidate: TCandidateProfile }) {
  const { t } = useTranslation();
  const occupation = useOccupationTitle();
  const availability = (['Day', 'Evening', 'Weekend'] as const)
    .filter((k) => candidate[`available${k}`])
    .map((k) => t(`companyPortal.available.${k.toLowerCase()}`));
  return (
    <Stack gap="md">
      <FactGrid>
        <Fact label={t('companyPortal.firstName')}>{candidate.firstName}</Fact>
        <Fact label={t('companyPortal.occupations')}>
          {candidate.occupationIds.map(occupation).join(', ')}
        </Fact>
        <Fact label={t('companyPortal.hoursPerWeek')}>
          {candidate.hoursPerWeek === null
            ? ''
            : t('companyPortal.hoursValue', { hours: formatNumber(candidate.hoursPerWeek) })}
        </Fact>
        <Fact label={t('companyPortal.availability')}>{availability.join(', ')}</Fact>
      </FactGrid>
      <div>
        <Text component="h3" fw={600} fz="md" mb={4}>
          {t('companyPortal.experience')}
        </Text>
        {candidate.experiences.length === 0 ? (
          <Text size="sm">{t('companyPortal.noExperience')}</Text>
        ) : (
          <List spacing={4} size="sm">
            {candidate.experiences.map((e) => (
              <List.Item key={`${e.title}-${e.employer ?? ''}-${e.fromYear ?? ''}`}>
                <Text span fw={500} size="sm">
                  {e.title}
                </Text>
                {e.employer ? `, ${e.employer}` : ''}
                {years(e.fromYear, e.toYear) ? ` (${years(e.fromYear, e.toYear)})` : ''}
                {e.description ? (
                  <Text size="sm" c="dimmed">
                    {e.description}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
