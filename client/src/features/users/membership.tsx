import { currentLang } from '@client/app/i18n.ts';
import { CompanySelect } from '@client/components/CompanySelect.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import type { TFieldErrors } from '@client/components/form-errors.ts';
import {
  ROLE_LABEL_DA,
  ROLE_LABEL_EN,
  ROLE_SCOPE,
  ROLES,
  type TRole,
  type TScopeType,
} from '@domain/roles.ts';
import type { TUserStatus } from '@domain/user.schema.ts';
import { Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where the scope picker of each scope type gets its choices (null: no picker). */
export const SCOPE_SOURCE: Record<TScopeType, string | null> = {
  global: null,
  housing_organisation: '/api/housing-organisations',
  social_housing_plan: '/api/social-housing-plans',
  jobcenter: '/api/jobcenters',
  partnership: '/api/partnerships',
  // Searched as the admin types (the register can hold thousands): see CompanySelect below.
  company: '/api/companies',
};

export function roleLabel(role: TRole): string {
  return (currentLang() === 'en' ? ROLE_LABEL_EN : ROLE_LABEL_DA)[role];
}

export const STATUS_COLOR: Record<TUserStatus, string> = {
  invited: 'yellow',
  active: 'green',
  disabled: 'gray',
};

export interface TMembershipDraft {
  role: TRole | '';
  scopeId: string;
  /** The chosen scope's name, where the picker needs it to show the choice (companies). */
  scopeName?: string;
}

/** Role + scope of one membership: the scope picker follows the role (ROLE_SCOPE). */
export function MembershipFields({
  value,
  onChange,
  errors,
  prefix,
}: {
  value: TMembershipDraft;
  onChange: (v: TMembershipDraft) => void;
  errors: TFieldErrors;
  /** Error path prefix, e.g. "memberships.0." in the invite form. */
  prefix: string;
}) {
  const { t } = useTranslation();
  const scopeType = value.role ? ROLE_SCOPE[value.role] : null;
  const source = scopeType ? SCOPE_SOURCE[scopeType] : null;
  return (
    <Group align="flex-start" grow wrap="wrap" gap="md">
      <NativeSelect
        label={t('users.role')}
        value={value.role}
        onChange={(e) => onChange({ role: e.currentTarget.value as TRole | '', scopeId: '' })}
        error={errors[`${prefix}role`]}
        withAsterisk
        data={[
          { value: '', label: t('common.choose') },
          ...ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
        ]}
        style={{ minWidth: '14rem' }}
      />
      {scopeType === 'company' ? (
        <div style={{ minWidth: '14rem' }}>
          <CompanySelect
            label={t('scope.type.company')}
            value={value.scopeId ? { id: value.scopeId, name: value.scopeName ?? '' } : null}
            onChange={(c) => onChange({ ...value, scopeId: c?.id ?? '', scopeName: c?.name })}
            error={errors[`${prefix}scopeId`]}
            required
          />
        </div>
      ) : source && scopeType ? (
        <EntitySelect
          key={source}
          path={source}
          label={t(`scope.type.${scopeType}`)}
          value={value.scopeId}
          onChange={(scopeId) => onChange({ ...value, scopeId })}
          error={errors[`${prefix}scopeId`]}
          required
        />
      ) : scopeType ? (
        <Text size="sm" c="dimmed" pt={28} style={{ minWidth: '14rem' }}>
          {t(`scope.none.${scopeType}`)}
        </Text>
      ) : null}
    </Group>
  );
}

/** A draft → the body of ZMembershipInput, with field errors of its own for a missing scope. */
export function draftErrors(draft: TMembershipDraft, prefix: string, required: string): TFieldErrors {
  const errors: TFieldErrors = {};
  if (!draft.role) errors[`${prefix}role`] = required;
  else if (SCOPE_SOURCE[ROLE_SCOPE[draft.role]] && !draft.scopeId) errors[`${prefix}scopeId`] = required;
  return errors;
}

export function draftToInput(draft: TMembershipDraft) {
  return { role: draft.role || undefined, scopeId: draft.scopeId || null };
}
