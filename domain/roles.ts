// Roles and the kind of scope each one is bound to (DOMAIN.md "Who uses it").
export const ROLES = [
  'admin',
  'housing_staff',
  'social_worker',
  'job_consultant',
  'company_contact',
  'steering',
] as const;
export type TRole = (typeof ROLES)[number];

export const SCOPE_TYPES = [
  'global',
  'housing_organisation',
  'social_housing_plan',
  'jobcenter',
  'company',
  'partnership',
] as const;
export type TScopeType = (typeof SCOPE_TYPES)[number];

/** The single scope type a membership of each role is bound to. */
export const ROLE_SCOPE: Record<TRole, TScopeType> = {
  admin: 'global',
  housing_staff: 'housing_organisation',
  social_worker: 'social_housing_plan',
  job_consultant: 'jobcenter',
  company_contact: 'company',
  steering: 'partnership',
};

export const ROLE_LABEL_DA: Record<TRole, string> = {
  admin: 'Sekretariat (administrator)',
  housing_staff: 'Boligorganisation',
  social_worker: 'Boligsocial medarbejder',
  job_consultant: 'Jobkonsulent',
  company_contact: 'Virksomhed',
  steering: 'Styregruppe',
};

export const ROLE_LABEL_EN: Record<TRole, string> = {
  admin: 'Secretariat (administrator)',
  housing_staff: 'Housing organisation',
  social_worker: 'Housing social worker',
  job_consultant: 'Job consultant',
  company_contact: 'Company',
  steering: 'Steering group',
};
