import type { TReferenceSlug } from '@client/app/navigation.ts';
import type { TColumn } from '@client/components/DataTable.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { HOUSING_AREA_SORTS, type THousingArea, ZHousingAreaInput } from '@domain/housing-area.schema.ts';
import {
  HOUSING_ORGANISATION_SORTS,
  type THousingOrganisation,
  ZHousingOrganisationInput,
} from '@domain/housing-organisation.schema.ts';
import { JOBCENTER_SORTS, type TJobcenter, ZJobcenterInput } from '@domain/jobcenter.schema.ts';
import { MUNICIPALITY_SORTS, type TMunicipality, ZMunicipalityInput } from '@domain/municipality.schema.ts';
import { PARTNERSHIP_SORTS, type TPartnership, ZPartnershipInput } from '@domain/partnership.schema.ts';
import type { TResource } from '@domain/policy.ts';
import {
  SOCIAL_HOUSING_PLAN_SORTS,
  type TSocialHousingPlan,
  ZSocialHousingPlanInput,
} from '@domain/social-housing-plan.schema.ts';
import { Anchor, Badge, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';

// One description per reference-data list: its columns, filters and form. The list page, the
// form modal and the delete dialog are shared; only these descriptions differ.

export type TFieldKind = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'email' | 'url';

export interface TFieldDef {
  name: string;
  kind: TFieldKind;
  required?: boolean;
  /** List endpoint the options of a select come from. */
  optionsFrom?: string;
  /** Shown under the label, e.g. the format expected. */
  hintKey?: string;
}

export interface TFilterDef {
  /** Query parameter of the list endpoint, also kept in the page URL. */
  name: string;
  optionsFrom: string;
}

export type TFormValues = Record<string, string | boolean>;

export interface TResourceDef<T extends { id: string; name: string }> {
  slug: TReferenceSlug;
  path: string;
  sorts: readonly string[];
  defaultSort: string;
  schema: z.ZodType;
  fields: TFieldDef[];
  filters: TFilterDef[];
  columns: (t: TFunction, base: string) => TColumn<T>[];
  /** The policy resource of a row, so edit buttons show only where the server will allow it. */
  policy: (row?: T) => TResource;
  toForm: (row: T) => TFormValues;
}

const str = (v: string | null | undefined) => v ?? '';

function nameCell(name: string, fictional: boolean, t: TFunction, to?: string): ReactNode {
  return (
    <Group gap={6} wrap="nowrap">
      {to ? (
        <Anchor component={Link} to={to} fw={600}>
          {name}
        </Anchor>
      ) : (
        <span style={{ fontWeight: 600 }}>{name}</span>
      )}
      {/* The demo data already names fictional rows "(fiktiv)"; say it only where the name does not. */}
      {fictional && !/fiktiv/i.test(name) ? (
        <Badge color="gray" size="sm" style={{ flexShrink: 0 }}>
          {t('ref.fictional')}
        </Badge>
      ) : null}
    </Group>
  );
}

export const partnerships: TResourceDef<TPartnership> = {
  slug: 'partnerships',
  path: '/api/partnerships',
  sorts: PARTNERSHIP_SORTS,
  defaultSort: 'name',
  schema: ZPartnershipInput,
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'municipalityId', kind: 'select', required: true, optionsFrom: '/api/municipalities' },
    { name: 'startDate', kind: 'date' },
    { name: 'description', kind: 'textarea' },
  ],
  filters: [],
  columns: (t, base) => [
    { key: 'name', header: t('field.name'), sortKey: 'name', render: (r) => nameCell(r.name, false, t) },
    {
      key: 'municipalityName',
      header: t('field.municipality'),
      sortKey: 'municipalityName',
      render: (r) => r.municipalityName,
    },
    {
      key: 'startDate',
      header: t('field.startDate'),
      sortKey: 'startDate',
      render: (r) => formatDate(r.startDate),
    },
    {
      key: 'links',
      header: t('ref.related'),
      render: (r) => (
        <Group gap="md" wrap="nowrap">
          <Anchor component={Link} to={`${base}/housing-organisations?partnershipId=${r.id}`} size="sm">
            {t('ref.showOrganisations', { name: r.name })}
          </Anchor>
          {/* Who receives the partnership's openings: the secretariat's to configure. */}
          {base === '/admin' ? (
            <Anchor
              component={Link}
              to={`/admin/partnerships/${r.id}/referral-contacts`}
              size="sm"
              aria-label={t('referralContacts.linkNamed', { name: r.name })}
            >
              {t('referralContacts.link')}
            </Anchor>
          ) : null}
        </Group>
      ),
    },
  ],
  policy: (row) => ({ kind: 'partnership', id: row?.id, municipalityId: row?.municipalityId }),
  toForm: (r) => ({
    name: r.name,
    municipalityId: r.municipalityId,
    startDate: str(r.startDate),
    description: str(r.description),
  }),
};

export const housingOrganisations: TResourceDef<THousingOrganisation> = {
  slug: 'housing-organisations',
  path: '/api/housing-organisations',
  sorts: HOUSING_ORGANISATION_SORTS,
  defaultSort: 'name',
  schema: ZHousingOrganisationInput,
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'partnershipId', kind: 'select', required: true, optionsFrom: '/api/partnerships' },
    { name: 'cvr', kind: 'text', hintKey: 'hint.cvr' },
    { name: 'address', kind: 'text' },
    { name: 'postalCode', kind: 'text', hintKey: 'hint.postalCode' },
    { name: 'city', kind: 'text' },
    { name: 'website', kind: 'url', hintKey: 'hint.website' },
    { name: 'isFictional', kind: 'checkbox' },
  ],
  filters: [{ name: 'partnershipId', optionsFrom: '/api/partnerships' }],
  columns: (t, base) => [
    {
      key: 'name',
      header: t('field.name'),
      sortKey: 'name',
      render: (r) => nameCell(r.name, r.isFictional, t),
    },
    {
      key: 'partnershipName',
      header: t('field.partnership'),
      sortKey: 'partnershipName',
      render: (r) => r.partnershipName,
    },
    {
      key: 'city',
      header: t('field.city'),
      sortKey: 'city',
      render: (r) => [r.postalCode, r.city].filter(Boolean).join(' '),
    },
    { key: 'cvr', header: t('field.cvr'), render: (r) => str(r.cvr) },
    {
      key: 'areaCount',
      header: t('field.areaCount'),
      sortKey: 'areaCount',
      align: 'right',
      render: (r) => (
        <Anchor
          component={Link}
          to={`${base}/housing-areas?housingOrganisationId=${r.id}`}
          aria-label={t('ref.areasOf', {
            count: r.areaCount,
            name: r.name,
            formatted: formatNumber(r.areaCount),
          })}
        >
          {formatNumber(r.areaCount)}
        </Anchor>
      ),
    },
  ],
  policy: (row) => ({ kind: 'housing_organisation', id: row?.id, partnershipId: row?.partnershipId }),
  toForm: (r) => ({
    name: r.name,
    partnershipId: r.partnershipId,
    cvr: str(r.cvr),
    address: str(r.address),
    postalCode: str(r.postalCode),
    city: str(r.city),
    website: str(r.website),
    isFictional: r.isFictional,
  }),
};

export const housingAreas: TResourceDef<THousingArea> = {
  slug: 'housing-areas',
  path: '/api/housing-areas',
  sorts: HOUSING_AREA_SORTS,
  defaultSort: 'name',
  schema: ZHousingAreaInput,
  fields: [
    { name: 'name', kind: 'text', required: true },
    {
      name: 'housingOrganisationId',
      kind: 'select',
      required: true,
      optionsFrom: '/api/housing-organisations',
    },
    { name: 'municipalityId', kind: 'select', required: true, optionsFrom: '/api/municipalities' },
    { name: 'postalCode', kind: 'text', required: true, hintKey: 'hint.postalCode' },
    { name: 'residentsCount', kind: 'number', required: true },
    { name: 'socialHousingPlanId', kind: 'select', optionsFrom: '/api/social-housing-plans' },
    { name: 'isFictional', kind: 'checkbox' },
  ],
  filters: [
    { name: 'housingOrganisationId', optionsFrom: '/api/housing-organisations' },
    { name: 'municipalityId', optionsFrom: '/api/municipalities' },
    { name: 'socialHousingPlanId', optionsFrom: '/api/social-housing-plans' },
  ],
  columns: (t) => [
    {
      key: 'name',
      header: t('field.name'),
      sortKey: 'name',
      // The area's own page: its facts, indicators and classification.
      render: (r) => nameCell(r.name, r.isFictional, t, `/areas/${r.id}`),
    },
    {
      key: 'housingOrganisationName',
      header: t('field.housingOrganisation'),
      sortKey: 'housingOrganisationName',
      render: (r) => r.housingOrganisationName,
    },
    {
      key: 'municipalityName',
      header: t('field.municipality'),
      sortKey: 'municipalityName',
      render: (r) => r.municipalityName,
    },
    { key: 'postalCode', header: t('field.postalCode'), sortKey: 'postalCode', render: (r) => r.postalCode },
    {
      key: 'residentsCount',
      header: t('field.residentsCount'),
      sortKey: 'residentsCount',
      align: 'right',
      render: (r) => formatNumber(r.residentsCount),
    },
    {
      key: 'socialHousingPlanName',
      header: t('field.socialHousingPlan'),
      render: (r) => str(r.socialHousingPlanName),
    },
  ],
  policy: (row) => ({
    kind: 'housing_area',
    id: row?.id,
    housingOrganisationId: row?.housingOrganisationId,
    socialHousingPlanId: row?.socialHousingPlanId,
    municipalityId: row?.municipalityId,
  }),
  toForm: (r) => ({
    name: r.name,
    housingOrganisationId: r.housingOrganisationId,
    municipalityId: r.municipalityId,
    postalCode: r.postalCode,
    residentsCount: String(r.residentsCount),
    socialHousingPlanId: str(r.socialHousingPlanId),
    isFictional: r.isFictional,
  }),
};

export const jobcenters: TResourceDef<TJobcenter> = {
  slug: 'jobcenters',
  path: '/api/jobcenters',
  sorts: JOBCENTER_SORTS,
  defaultSort: 'name',
  schema: ZJobcenterInput,
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'municipalityId', kind: 'select', required: true, optionsFrom: '/api/municipalities' },
    { name: 'email', kind: 'email' },
    { name: 'phone', kind: 'text', hintKey: 'hint.phone' },
    { name: 'address', kind: 'text' },
  ],
  filters: [{ name: 'municipalityId', optionsFrom: '/api/municipalities' }],
  columns: (t) => [
    { key: 'name', header: t('field.name'), sortKey: 'name', render: (r) => nameCell(r.name, false, t) },
    {
      key: 'municipalityName',
      header: t('field.municipality'),
      sortKey: 'municipalityName',
      render: (r) => r.municipalityName,
    },
    {
      key: 'email',
      header: t('field.email'),
      render: (r) => (r.email ? <Anchor href={`mailto:${r.email}`}>{r.email}</Anchor> : ''),
    },
    { key: 'phone', header: t('field.phone'), render: (r) => str(r.phone) },
  ],
  policy: (row) => ({ kind: 'jobcenter', id: row?.id, municipalityId: row?.municipalityId }),
  toForm: (r) => ({
    name: r.name,
    municipalityId: r.municipalityId,
    email: str(r.email),
    phone: str(r.phone),
    address: str(r.address),
  }),
};

export const socialHousingPlans: TResourceDef<TSocialHousingPlan> = {
  slug: 'social-housing-plans',
  path: '/api/social-housing-plans',
  sorts: SOCIAL_HOUSING_PLAN_SORTS,
  defaultSort: 'name',
  schema: ZSocialHousingPlanInput,
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'partnershipId', kind: 'select', required: true, optionsFrom: '/api/partnerships' },
    { name: 'periodStart', kind: 'date', required: true },
    { name: 'periodEnd', kind: 'date', required: true },
    { name: 'description', kind: 'textarea' },
  ],
  filters: [],
  columns: (t, base) => [
    { key: 'name', header: t('field.name'), sortKey: 'name', render: (r) => nameCell(r.name, false, t) },
    {
      key: 'partnershipName',
      header: t('field.partnership'),
      sortKey: 'partnershipName',
      render: (r) => r.partnershipName,
    },
    {
      key: 'periodStart',
      header: t('field.periodStart'),
      sortKey: 'periodStart',
      render: (r) => formatDate(r.periodStart),
    },
    {
      key: 'periodEnd',
      header: t('field.periodEnd'),
      sortKey: 'periodEnd',
      render: (r) => formatDate(r.periodEnd),
    },
    {
      key: 'areaCount',
      header: t('field.areaCount'),
      align: 'right',
      render: (r) => (
        <Anchor
          component={Link}
          to={`${base}/housing-areas?socialHousingPlanId=${r.id}`}
          aria-label={t('ref.areasOf', {
            count: r.areaCount,
            name: r.name,
            formatted: formatNumber(r.areaCount),
          })}
        >
          {formatNumber(r.areaCount)}
        </Anchor>
      ),
    },
  ],
  policy: (row) => ({ kind: 'social_housing_plan', id: row?.id, partnershipId: row?.partnershipId }),
  toForm: (r) => ({
    name: r.name,
    partnershipId: r.partnershipId,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    description: str(r.description),
  }),
};

export const municipalities: TResourceDef<TMunicipality> = {
  slug: 'municipalities',
  path: '/api/municipalities',
  sorts: MUNICIPALITY_SORTS,
  defaultSort: 'name',
  schema: ZMunicipalityInput,
  fields: [
    { name: 'code', kind: 'text', required: true, hintKey: 'hint.municipalityCode' },
    { name: 'name', kind: 'text', required: true },
  ],
  filters: [],
  columns: (t, base) => [
    { key: 'name', header: t('field.name'), sortKey: 'name', render: (r) => nameCell(r.name, false, t) },
    { key: 'code', header: t('field.code'), sortKey: 'code', render: (r) => r.code },
    {
      key: 'links',
      header: t('ref.related'),
      render: (r) => (
        <Anchor component={Link} to={`${base}/housing-areas?municipalityId=${r.id}`} size="sm">
          {t('ref.showAreasIn', { name: r.name })}
        </Anchor>
      ),
    },
  ],
  policy: (row) => ({ kind: 'municipality', id: row?.id }),
  toForm: (r) => ({ code: r.code, name: r.name }),
};

/** Empty values for a create form. */
export function emptyForm(fields: TFieldDef[]): TFormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === 'checkbox' ? false : '']));
}

/** Form strings → what the schema expects: '' is "not given" (null) for optional fields. */
export function formToInput(fields: TFieldDef[], values: TFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'checkbox') out[f.name] = v === true;
    else if (typeof v !== 'string' || v.trim() === '') out[f.name] = f.required ? undefined : null;
    else out[f.name] = v;
  }
  return out;
}
