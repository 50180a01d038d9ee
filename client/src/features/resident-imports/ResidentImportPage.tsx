import { api, request } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { uploadWithProgress } from '@client/api/upload.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import {
  RESIDENT_IMPORT_MAX_BYTES,
  type TImportIssueDto,
  type TResidentImport,
  type TResidentImportUpload,
} from '@domain/resident-import.schema.ts';
import {
  mappingProblems,
  REQUIRED_IMPORT_FIELDS,
  RESIDENT_IMPORT_FIELDS,
  type TImportMapping,
} from '@domain/resident-import.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  canImportLists,
  downloadExample,
  downloadTemplate,
  IMPORT_PAGE,
  IMPORTS_PATH,
  ImportStatusBadge,
  useImport,
  useImportJobcenters,
} from './import-ui.tsx';

// The jobcenter list import (issue 4 item 4), as a wizard: 1 upload (with upload progress),
// 2 column mapping (the jobcenter's last mapping preselected), 3 dry run (progress bar, counts,
// the issues), 4 store (progress, result, the XLSX report). Each import has its own address
// (/residents/import/:id), so a reload or a colleague's link lands on the same step; the server
// keeps the state between steps.

/** What the upload answer leaves for the mapping step (router state: never stored anywhere). */
interface TUploadState {
  sample?: string[][];
  mappingSource?: 'remembered' | 'automatic';
}

function BackToResidents() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/residents" size="sm" mb="xs" display="inline-block">
      ← {t('residentImport.backToResidents')}
    </Anchor>
  );
}

function WizardSteps({ active }: { active: number }) {
  const { t } = useTranslation();
  return (
    <Stepper active={active} allowNextStepsSelect={false} size="sm">
      <Stepper.Step label={t('residentImport.step.upload')} />
      <Stepper.Step label={t('residentImport.step.mapping')} />
      <Stepper.Step label={t('residentImport.step.check')} />
      <Stepper.Step label={t('residentImport.step.store')} />
    </Stepper>
  );
}

/** A labelled progress bar; the text says the same as the bar, for everybody. */
function ProgressLine({ label, value, running }: { label: string; value: number; running: boolean }) {
  return (
    <Stack gap={4}>
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress
        value={Math.max(0, Math.min(100, value))}
        striped={running}
        animated={running}
        size="lg"
        aria-label={label}
      />
    </Stack>
  );
}

/** /residents/import: upload a list, and the list of earlier imports. */
export function ResidentImportPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const jobcenters = useImportJobcenters(me);
  const fileId = useId();
  const [jobcenterId, setJobcenterId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobcenterError, setJobcenterError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const chosen = jobcenterId || (jobcenters.items.length === 1 ? jobcenters.items[0]!.id : '');
  const w = (key: string, o?: Record<string, unknown>) => t(`residentImport.${key}`, o ?? {});

  if (!canImportLists(me)) {
    return (
      <>
        <BackToResidents />
        <PageHeader title={w('title')} />
        <Alert color="gray">{w('notForYou')}</Alert>
      </>
    );
  }

  const send = async () => {
    setError(null);
    setFileError(null);
    setJobcenterError(null);
    if (!chosen) {
      setJobcenterError(w('chooseJobcenter'));
      return;
    }
    if (!file) {
      setFileError(w('chooseFile'));
      return;
    }
    if (file.size > RESIDENT_IMPORT_MAX_BYTES) {
      setFileError(w('tooLarge'));
      return;
    }
    const body = new FormData();
    body.append('jobcenterId', chosen);
    body.append('file', file, file.name);
    setProgress(0);
    try {
      const result = await uploadWithProgress<TResidentImportUpload>(IMPORTS_PATH, body, {
        csrfToken: me.csrfToken,
        onProgress: setProgress,
      });
      const state: TUploadState = { sample: result.sample, mappingSource: result.mappingSource };
      void navigate(`${IMPORT_PAGE}/${result.import.id}`, { state });
    } catch (err) {
      setProgress(null);
      if (err instanceof ApiError && (err.fields.file || err.fields.jobcenterId)) {
        setFileError(err.fields.file ?? null);
        setJobcenterError(err.fields.jobcenterId ?? null);
      } else {
        setError(err);
      }
    }
  };

  const columns: TColumn<TResidentImport>[] = [
    {
      key: 'file',
      header: w('col.file'),
      sortKey: 'fileName',
      render: (i) => (
        <Anchor component={Link} to={`${IMPORT_PAGE}/${i.id}`} fw={600}>
          {i.fileName}
        </Anchor>
      ),
    },
    { key: 'jobcenter', header: w('col.jobcenter'), render: (i) => i.jobcenterName },
    {
      key: 'createdAt',
      header: w('col.createdAt'),
      sortKey: 'createdAt',
      render: (i) => formatDateTime(i.createdAt),
    },
    { key: 'by', header: w('col.by'), render: (i) => i.createdByName ?? '' },
    {
      key: 'status',
      header: w('col.status'),
      sortKey: 'status',
      render: (i) => <ImportStatusBadge status={i.status} />,
    },
    { key: 'rows', header: w('col.rows'), align: 'right', render: (i) => formatNumber(i.totalRows) },
    {
      key: 'result',
      header: w('col.result'),
      render: (i) =>
        i.status === 'stored'
          ? w('resultShort', {
              created: formatNumber(i.summary.storedNew ?? 0),
              updated: formatNumber(i.summary.storedUpdated ?? 0),
            })
          : '',
    },
  ];

  const uploading = progress !== null;
  return (
    <>
      <BackToResidents />
      <PageHeader title={w('title')} lead={w('lead')} />
      <Stack gap="lg">
        <WizardSteps active={0} />
        <SectionCard title={w('uploadTitle')}>
          <Stack>
            {jobcenters.items.length > 1 || jobcenters.items.length === 0 ? (
              <NativeSelect
                label={w('jobcenter')}
                required
                value={chosen}
                error={jobcenterError}
                disabled={jobcenters.isPending}
                onChange={(e) => setJobcenterId(e.currentTarget.value)}
                data={[
                  { value: '', label: w('chooseJobcenterOption') },
                  ...jobcenters.items.map((j) => ({ value: j.id, label: j.name })),
                ]}
              />
            ) : (
              <Text size="sm">
                {w('forJobcenter')} <strong>{jobcenters.items[0]!.name}</strong>
              </Text>
            )}
            <Input.Wrapper
              id={fileId}
              label={w('file')}
              description={w('fileHint')}
              error={fileError}
              required
              labelElement="label"
            >
              <input
                id={fileId}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setFileError(null);
                }}
                aria-invalid={fileError ? true : undefined}
                style={{ display: 'block', marginTop: 8 }}
              />
            </Input.Wrapper>
            {uploading ? (
              <ProgressLine
                label={w('uploading', { percent: Math.round((progress ?? 0) * 100) })}
                value={(progress ?? 0) * 100}
                running
              />
            ) : null}
            <ErrorAlert error={error} />
            <Group>
              <Button onClick={() => void send()} loading={uploading}>
                {w('upload')}
              </Button>
              <Button variant="default" onClick={downloadTemplate}>
                {w('template')}
              </Button>
              <Button
                variant="default"
                onClick={() => void downloadExample(jobcenters.items.find((j) => j.id === chosen))}
              >
                {w('example')}
              </Button>
            </Group>
          </Stack>
        </SectionCard>

        <SectionCard title={w('earlierTitle')}>
          <DataTable<TResidentImport>
            path={IMPORTS_PATH}
            caption={w('earlierTitle')}
            columns={columns}
            rowKey={(i) => i.id}
            searchLabel={w('searchFiles')}
            countLabel={(n) => w('count', { count: n, formatted: formatNumber(n) })}
            emptyState={<Text>{w('noImports')}</Text>}
          />
        </SectionCard>
      </Stack>
    </>
  );
}

/** /residents/import/:id: the steps after the upload. */
export function ResidentImportWizardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const uploadState = (location.state ?? {}) as TUploadState;
  const query = useImport(id);
  const imp = query.data;
  const [editingMapping, setEditingMapping] = useState(false);
  const w = (key: string, o?: Record<string, unknown>) => t(`residentImport.${key}`, o ?? {});

  const showMapping =
    !!imp && (imp.status === 'uploaded' || (editingMapping && ['validated', 'failed'].includes(imp.status)));
  const checked = imp?.summary.validRows !== undefined;
  const active = !imp
    ? 1
    : showMapping
      ? 1
      : imp.status === 'validating' || imp.status === 'validated' || (imp.status === 'failed' && !checked)
        ? 2
        : imp.status === 'stored'
          ? 4
          : 3;

  // A new step replaces the buttons just used: focus moves to it, not back to the page's top.
  const stepRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(active);
  useEffect(() => {
    if (active === shownStep.current) return;
    shownStep.current = active;
    stepRef.current?.focus();
  }, [active]);

  return (
    <>
      <Anchor component={Link} to={IMPORT_PAGE} size="sm" mb="xs" display="inline-block">
        ← {w('backToImports')}
      </Anchor>
      <PageHeader
        title={w('title')}
        lead={imp ? w('leadFor', { file: imp.fileName, jobcenter: imp.jobcenterName }) : undefined}
        actions={imp ? <ImportStatusBadge status={imp.status} /> : undefined}
      />
      <ErrorAlert error={query.error} />
      {imp ? (
        <Stack gap="lg">
          <WizardSteps active={active} />
          <div ref={stepRef} tabIndex={-1} style={{ outline: 'none' }}>
            {imp.status === 'discarded' ? (
              <Alert color="gray" title={w('discardedTitle')}>
                <Stack gap="xs">
                  <Text size="sm">{imp.failureMessage ?? w('discardedText')}</Text>
                  <Anchor component={Link} to={IMPORT_PAGE}>
                    {w('again')}
                  </Anchor>
                </Stack>
              </Alert>
            ) : showMapping ? (
              <MappingStep imp={imp} uploadState={uploadState} onDone={() => setEditingMapping(false)} />
            ) : (
              <CheckAndStore imp={imp} onEditMapping={() => setEditingMapping(true)} />
            )}
          </div>
        </Stack>
      ) : null}
    </>
  );
}

function MappingStep({
  imp,
  uploadState,
  onDone,
}: {
  imp: TResidentImport;
  uploadState: TUploadState;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [mapping, setMapping] = useState<TImportMapping>(imp.mapping);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const w = (key: string, o?: Record<string, unknown>) => t(`residentImport.${key}`, o ?? {});
  const sampleOf = (column: string | undefined) => {
    const at = column ? imp.columns.indexOf(column) : -1;
    if (at < 0 || !uploadState.sample?.length) return undefined;
    const values = uploadState.sample.map((r) => r[at] ?? '').filter(Boolean);
    return values.length ? w('sampleValues', { values: values.join(', ') }) : w('sampleEmpty');
  };

  const submit = async () => {
    setError(null);
    const problems = mappingProblems(mapping, imp.columns);
    const local = Object.fromEntries(
      Object.entries(problems).map(([f]) => [f, w(`mappingProblem.${problemKey(problems[f]!)}`)]),
    );
    setErrors(local);
    if (Object.keys(local).length > 0) {
      document.getElementById(`mapping-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await request<TResidentImport>('PUT', `${IMPORTS_PATH}/${imp.id}/mapping`, {
        body: { mapping },
      });
      qc.setQueryData([IMPORTS_PATH, imp.id], saved);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setErrors(
          Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^mapping\./, ''), v])),
        );
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionCard title={w('mappingTitle')}>
      <Stack>
        <Text size="sm">
          {uploadState.mappingSource === 'remembered' ? w('mappingRemembered') : w('mappingAutomatic')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {RESIDENT_IMPORT_FIELDS.map((field) => (
            <NativeSelect
              key={field}
              id={`mapping-${field}`}
              label={w(`field.${field}`)}
              required={REQUIRED_IMPORT_FIELDS.includes(field)}
              description={sampleOf(mapping[field])}
              value={mapping[field] ?? ''}
              error={errors[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setMapping((m) => ({ ...m, [field]: value || undefined }));
                setErrors(({ [field]: _gone, ...rest }) => rest);
              }}
              data={[
                { value: '', label: w('notInFile') },
                ...imp.columns.map((c) => ({ value: c, label: c })),
              ]}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={() => void submit()} loading={busy}>
            {w('runCheck')}
          </Button>
          <DiscardButton imp={imp} />
        </Group>
      </Stack>
    </SectionCard>
  );
}

/** The domain's Danish problem text → an i18n key (the same three problems in both languages). */
function problemKey(message: string): 'required' | 'missing' | 'twice' {
  if (message.startsWith('Vælg')) return 'required';
  if (message.startsWith('Kolonnen findes')) return 'missing';
  return 'twice';
}

function DiscardButton({ imp }: { imp: TResidentImport }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!['uploaded', 'validated', 'failed'].includes(imp.status)) return null;
  return (
    <>
      <Button
        variant="default"
        color="red"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            qc.setQueryData(
              [IMPORTS_PATH, imp.id],
              await api.post<TResidentImport>(`${IMPORTS_PATH}/${imp.id}/discard`),
            );
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('residentImport.discard')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}

function CheckAndStore({ imp, onEditMapping }: { imp: TResidentImport; onEditMapping: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const w = (key: string, o?: Record<string, unknown>) => t(`residentImport.${key}`, o ?? {});
  const s = imp.summary;
  const n = (v: number | undefined) => formatNumber(v ?? 0);
  const issuesPath = `${IMPORTS_PATH}/${imp.id}/issues`;
  const reportHref = `${IMPORTS_PATH}/${imp.id}/report.xlsx`;

  // A finished step brings new issues: the table asks again.
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: [issuesPath] });
    if (imp.status === 'stored') void qc.invalidateQueries({ queryKey: ['/api/residents'] });
  }, [imp.status, issuesPath, qc]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(
        [IMPORTS_PATH, imp.id],
        await api.post<TResidentImport>(`${IMPORTS_PATH}/${imp.id}/confirm`),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const issueColumns: TColumn<TImportIssueDto>[] = [
    { key: 'row', header: w('col.row'), sortKey: 'row', align: 'right', render: (i) => i.row },
    {
      key: 'field',
      header: w('col.field'),
      sortKey: 'field',
      // The Jobbro field, and the file's column when it is called something else.
      render: (i) => {
        if (!i.field) return '';
        const label = w(`field.${i.field}`);
        const column = imp.mapping[i.field];
        return column && column !== label ? `${label} (${column})` : label;
      },
    },
    {
      key: 'severity',
      header: w('col.severity'),
      sortKey: 'severity',
      render: (i) => (
        <Badge
          color={i.severity === 'error' ? 'red' : 'yellow'}
          variant="light"
          tt="none"
          styles={WORD_BADGE_STYLES}
        >
          {w(`severity.${i.severity}`)}
        </Badge>
      ),
    },
    {
      key: 'message',
      header: w('col.message'),
      // Server messages are Danish; in English the issue's kind says what it is.
      render: (i) => (i18n.language === 'en' ? w(`issueCode.${i.code}`) : i.message),
    },
  ];

  const validating = imp.status === 'validating';
  const storing = imp.status === 'storing';
  const checked = s.validRows !== undefined;
  const percent = (done: number, total: number) => (total > 0 ? (done / total) * 100 : 100);

  return (
    <Stack gap="lg">
      <SectionCard title={imp.status === 'stored' ? w('checkTitleDone') : w('checkTitle')}>
        <Stack>
          <ProgressLine
            label={
              validating
                ? w('checking', { done: n(imp.processedRows), total: n(imp.totalRows) })
                : w('checked', { total: n(imp.totalRows) })
            }
            value={validating ? percent(imp.processedRows, imp.totalRows) : 100}
            running={validating}
          />
          {checked ? (
            <>
              <FactGrid>
                <Fact label={w('sum.totalRows')}>{n(s.totalRows)}</Fact>
                <Fact label={w('sum.new')}>{n(s.new)}</Fact>
                <Fact label={w('sum.updated')}>{n(s.updated)}</Fact>
                <Fact label={w('sum.unchanged')}>{n(s.unchanged)}</Fact>
                <Fact label={w('sum.errorRows')}>{n(s.errorRows)}</Fact>
                <Fact label={w('sum.warningRows')}>{n(s.warningRows)}</Fact>
              </FactGrid>
              {(s.missingFromList ?? 0) > 0 ? (
                <Alert color="blue" variant="light">
                  {w('missingFromList', { count: s.missingFromList, formatted: n(s.missingFromList) })}
                </Alert>
              ) : null}
            </>
          ) : null}
        </Stack>
      </SectionCard>

      {imp.failureMessage && imp.status !== 'discarded' ? (
        <Alert
          color={imp.status === 'failed' ? 'red' : 'orange'}
          variant="light"
          role="alert"
          title={w('attention')}
        >
          {imp.failureMessage}
        </Alert>
      ) : null}

      {!storing && imp.status !== 'stored' && !validating ? (
        <Stack gap="sm">
          {checked && (s.validRows ?? 0) === 0 ? (
            <Alert color="orange" variant="light">
              {w('nothingValid')}
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <Group>
            {checked ? (
              <Button onClick={() => void confirm()} loading={busy} disabled={(s.validRows ?? 0) === 0}>
                {imp.status === 'failed'
                  ? w('retryStore')
                  : w('confirm', { count: s.validRows ?? 0, formatted: n(s.validRows) })}
              </Button>
            ) : null}
            <Button variant="default" onClick={onEditMapping}>
              {w('editMapping')}
            </Button>
            <DiscardButton imp={imp} />
          </Group>
        </Stack>
      ) : null}
      {storing || imp.status === 'stored' ? (
        <SectionCard title={w('storeTitle')}>
          <Stack>
            <ProgressLine
              label={
                storing
                  ? imp.processedRows === 0
                    ? w('storingStart')
                    : w('storing', { done: n(imp.processedRows), total: n(imp.progressTotal) })
                  : w('stored', { total: n((s.storedNew ?? 0) + (s.storedUpdated ?? 0)) })
              }
              value={storing ? percent(imp.processedRows, imp.progressTotal) : 100}
              running={storing}
            />
            {imp.status === 'stored' ? (
              <>
                <Alert color="green" variant="light" role="status" title={w('storedTitle')}>
                  {w('storedText', {
                    created: n(s.storedNew),
                    updated: n(s.storedUpdated),
                    unchanged: n(s.storedUnchanged),
                    skipped: n(s.skippedRows),
                    at: formatDateTime(imp.storedAt),
                  })}
                </Alert>
                <Group>
                  <Button component="a" href={reportHref} download>
                    {w('report')}
                  </Button>
                  <Button component={Link} to="/residents" variant="default">
                    {w('toResidents')}
                  </Button>
                  <Button component={Link} to={IMPORT_PAGE} variant="default">
                    {w('again')}
                  </Button>
                </Group>
              </>
            ) : null}
          </Stack>
        </SectionCard>
      ) : null}

      {checked && !validating ? (
        <SectionCard
          title={w('issuesTitle')}
          actions={
            <Button component="a" href={reportHref} download variant="default">
              {w('report')}
            </Button>
          }
        >
          <IssuesTable path={issuesPath} columns={issueColumns} />
        </SectionCard>
      ) : null}
    </Stack>
  );
}

function IssuesTable({ path, columns }: { path: string; columns: TColumn<TImportIssueDto>[] }) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState('');
  const w = (key: string, o?: Record<string, unknown>) => t(`residentImport.${key}`, o ?? {});
  return (
    <DataTable<TImportIssueDto>
      path={path}
      caption={w('issuesTitle')}
      columns={columns}
      rowKey={(i) => `${i.row}-${i.field}-${i.code}`}
      defaultSort="row"
      searchLabel={w('searchIssues')}
      extraQuery={{ severity: severity || undefined }}
      filters={
        <NativeSelect
          label={w('severityFilter')}
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            { value: 'error', label: w('severity.error') },
            { value: 'warning', label: w('severity.warning') },
          ]}
        />
      }
      countLabel={(count) => w('issueCount', { count, formatted: formatNumber(count) })}
      emptyState={<Text>{w('noIssues')}</Text>}
    />
  );
}
