import { api } from '@client/api/client.ts';
import type { TResponsibleStaff } from '@domain/resident.schema.ts';
import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffOptions } from './resident-form.ts';
import { RESIDENTS_PATH } from './resident-ui.tsx';

// The responsible social worker and job consultant: who may be chosen (the staff of the person's
// municipality, as the server allows them) and their names where a profile shows them.

type TRole = TResponsibleStaff['role'];
const FIELD: Record<TRole, 'responsibleSocialWorkerId' | 'responsibleJobConsultantId'> = {
  social_worker: 'responsibleSocialWorkerId',
  job_consultant: 'responsibleJobConsultantId',
};

/** The staff who may be made responsible, in the municipalities the user works in. */
export function useResponsibleStaff() {
  return useQuery({
    queryKey: [RESIDENTS_PATH, 'responsible-staff'],
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TResponsibleStaff[]>(`${RESIDENTS_PATH}/responsible-staff`, undefined, signal),
  });
}

/** The two pickers of the resident form. */
export function ResponsiblePickers({
  municipalityId,
  values,
  errors,
  onChange,
}: {
  municipalityId: string | null;
  values: Record<'responsibleSocialWorkerId' | 'responsibleJobConsultantId', string>;
  errors: Record<string, string>;
  onChange: (field: 'responsibleSocialWorkerId' | 'responsibleJobConsultantId', value: string) => void;
}) {
  const { t } = useTranslation();
  const staff = useResponsibleStaff();
  const labels = {
    none: t('residents.form.responsibleNone'),
    inactive: t('residents.form.responsibleInactive'),
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {(['social_worker', 'job_consultant'] as const).map((role) => (
        <NativeSelect
          key={role}
          label={t(`residents.field.${FIELD[role]}`)}
          description={t('residents.form.responsibleHint')}
          value={values[FIELD[role]]}
          error={errors[FIELD[role]]}
          disabled={staff.isPending}
          onChange={(e) => onChange(FIELD[role], e.currentTarget.value)}
          data={staffOptions(staff.data ?? [], role, municipalityId, values[FIELD[role]], labels)}
        />
      ))}
    </SimpleGrid>
  );
}

/** A responsible person's name for a profile ('' while loading, a neutral text if unknown). */
export function useStaffName() {
  const { t } = useTranslation();
  const staff = useResponsibleStaff();
  return (id: string | null | undefined): string => {
    if (!id) return t('residents.form.responsibleNone');
    if (staff.isPending) return '';
    return staff.data?.find((s) => s.id === id)?.name ?? t('residents.form.responsibleInactive');
  };
}
