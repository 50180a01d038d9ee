// GDPR art. 30 record of processing / ASVS 14: every column of every table, classified, with
// its purpose and how long it is kept. data-classification.test.ts fails on a column that is
// missing here or listed here but gone from the database.

export type TDataClass = 'none' | 'personal' | 'sensitive';

export interface TColumnRecord {
  class: TDataClass;
  purpose: string;
  retention: string;
}

const RETAIN_ORG = 'as long as the organisation takes part in Jobbro';
const RETAIN_ACCOUNT = 'while the account exists; deleted with it';
const RETAIN_AUDIT = '5 years (proof of lawful processing), then purged';

const none = (purpose: string, retention = RETAIN_ORG): TColumnRecord => ({
  class: 'none',
  purpose,
  retention,
});
const personal = (purpose: string, retention = RETAIN_ACCOUNT): TColumnRecord => ({
  class: 'personal',
  purpose,
  retention,
});

const timestamps = {
  created_at: none('when the row was created'),
  updated_at: none('when the row last changed'),
};

export const DATA_CLASSIFICATION: Record<string, Record<string, TColumnRecord>> = {
  municipalities: {
    id: none('identifier'),
    code: none('official municipality code'),
    name: none('display name'),
    ...timestamps,
  },
  partnerships: {
    id: none('identifier'),
    name: none('display name'),
    municipality_id: none('the municipality the partnership serves'),
    description: none('what the partnership is about'),
    start_date: none('when it started'),
    ...timestamps,
  },
  housing_organisations: {
    id: none('identifier'),
    name: none('display name'),
    partnership_id: none('the partnership it works in'),
    cvr: none('company register number of the organisation'),
    address: none('postal address of the organisation'),
    postal_code: none('postal address of the organisation'),
    city: none('postal address of the organisation'),
    website: none('link for staff'),
    is_fictional: none('marks demo organisations that do not exist'),
    ...timestamps,
  },
  social_housing_plans: {
    id: none('identifier'),
    name: none('display name'),
    partnership_id: none('the partnership it belongs to'),
    period_start: none('plan period'),
    period_end: none('plan period'),
    description: none('what the plan covers'),
    ...timestamps,
  },
  housing_areas: {
    id: none('identifier'),
    name: none('display name'),
    housing_organisation_id: none('owning organisation, scopes housing staff'),
    municipality_id: none('municipality, scopes job consultants'),
    postal_code: none('location'),
    residents_count: none('size of the area (aggregate)'),
    social_housing_plan_id: none('plan working in the area, scopes social workers'),
    is_fictional: none('marks demo areas that do not exist'),
    ...timestamps,
  },
  jobcenters: {
    id: none('identifier'),
    name: none('display name'),
    municipality_id: none('municipality it has authority in'),
    email: none('functional mailbox of the jobcenter'),
    phone: none('switchboard of the jobcenter'),
    address: none('postal address of the jobcenter'),
    ...timestamps,
  },
  users: {
    id: personal('identifier of a staff account'),
    email: personal('login and invitations'),
    name: personal('shown to colleagues'),
    password_hash: personal('authentication (argon2id hash, never the password)'),
    status: personal('whether the account may log in'),
    locale: personal('language of the UI and e-mails'),
    last_login_at: personal('security overview for admins'),
    password_changed_at: personal('security overview for admins'),
    ...timestamps,
  },
  memberships: {
    id: none('identifier'),
    user_id: personal('whose role this is'),
    role: personal('what the user may do'),
    housing_organisation_id: personal('scope of the role'),
    social_housing_plan_id: personal('scope of the role'),
    jobcenter_id: personal('scope of the role'),
    partnership_id: personal('scope of the role'),
    company_id: personal('scope of the role'),
    created_at: none('when the role was given'),
  },
  sessions: {
    id: personal('HMAC of the session token', 'until logout, 30 min idle or 12 h; purged hourly'),
    user_id: personal('whose session', 'until the session ends'),
    csrf_token: personal('CSRF protection', 'until the session ends'),
    created_at: personal('absolute timeout', 'until the session ends'),
    last_seen_at: personal('idle timeout', 'until the session ends'),
    ip: personal('security review of active sessions', 'until the session ends'),
    user_agent: personal('security review of active sessions', 'until the session ends'),
  },
  invitations: {
    id: none('identifier', 'until used or expired, then kept for 30 days'),
    token_hash: personal('HMAC of the invitation token', '72 hours of validity'),
    user_id: personal('who is invited', RETAIN_ACCOUNT),
    invited_by: personal('who invited', RETAIN_ACCOUNT),
    expires_at: none('72-hour validity'),
    used_at: none('single use'),
    created_at: none('when it was sent'),
  },
  login_attempts: {
    key: personal('IP address or account e-mail being throttled', '24 hours, purged hourly'),
    window_start: none('throttle window', '24 hours'),
    count: none('attempts in the window', '24 hours'),
  },
  audit_events: {
    id: none('identifier', RETAIN_AUDIT),
    at: none('when', RETAIN_AUDIT),
    user_id: personal('who acted', RETAIN_AUDIT),
    action: none('what kind of access', RETAIN_AUDIT),
    entity_type: none('what was accessed', RETAIN_AUDIT),
    entity_id: personal('which record was accessed (may identify a person)', RETAIN_AUDIT),
    request_id: none('correlates with logs', RETAIN_AUDIT),
    ip: personal('from where', RETAIN_AUDIT),
    details: personal('search criteria and reasons; no names or contact data by design', RETAIN_AUDIT),
  },
  mail_outbox: {
    id: none('identifier', '90 days'),
    created_at: none('when queued', '90 days'),
    to_address: personal('recipient', '90 days'),
    subject: none('subject line, no personal data by design', '90 days'),
    text_body: personal('the message (names, links)', '90 days'),
    status: none('delivery state', '90 days'),
    attempts: none('delivery retries', '90 days'),
    sent_at: none('delivery time', '90 days'),
    error: none('last delivery error', '90 days'),
  },
  notifications: {
    id: none('identifier', '12 months, then purged'),
    user_id: personal('recipient (a staff user)', '12 months'),
    kind: none('what happened', '12 months'),
    title: none('rendered text; templates carry no resident data', '12 months'),
    body: none('rendered text; templates carry no resident data', '12 months'),
    link: none('in-app path to the object', '12 months'),
    entity_type: none('object the notice is about', '12 months'),
    entity_id: none('object the notice is about', '12 months'),
    mail_id: none('the e-mail copy in mail_outbox', '12 months'),
    created_at: none('when', '12 months'),
    read_at: personal('read state of the recipient', '12 months'),
  },
  companies: {
    id: none('identifier'),
    cvr: none('company register number (public register)'),
    name: none('display name'),
    address: none('postal address of the company'),
    postal_code: none('postal address of the company'),
    city: none('postal address of the company'),
    industry: none('industry, for matching openings'),
    db07_code: none('DB07 industry code'),
    size_band: none('number of employees as a band'),
    website: none('link for staff'),
    status: none('relationship status'),
    is_fictional: none('marks demo companies that do not exist'),
    ...timestamps,
  },
  company_contacts: {
    id: none('identifier'),
    company_id: none('the company the person works for'),
    name: personal(
      'who to talk to at the company',
      'while the company relationship lasts; deleted with the contact',
    ),
    title: personal(
      'role of the contact person',
      'while the company relationship lasts; deleted with the contact',
    ),
    email: personal(
      'contacting the company',
      'while the company relationship lasts; deleted with the contact',
    ),
    phone: personal(
      'contacting the company',
      'while the company relationship lasts; deleted with the contact',
    ),
    ...timestamps,
  },
  company_status_changes: {
    id: none('identifier'),
    company_id: none('the company'),
    from_status: none('relationship history'),
    to_status: none('relationship history'),
    changed_by: personal('which staff user changed the status', RETAIN_ORG),
    changed_at: none('relationship history'),
    note: none('reason for the change; about the company, not a person'),
  },
  company_notes: {
    id: none('identifier'),
    company_id: none('the company'),
    text: personal('staff notes about the company relationship (may name contacts)', RETAIN_ORG),
    author_id: personal('which staff user wrote the note', RETAIN_ORG),
    created_at: none('when the note was written'),
  },
  company_partnerships: {
    company_id: none('the company'),
    partnership_id: none('a partnership the company works in; scopes staff access'),
    created_at: none('when the link was made'),
  },
  system_settings: {
    key: none('setting name', 'permanent'),
    value: none('setting value', 'permanent'),
    updated_at: none('when it changed', 'permanent'),
  },
};
