import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatNumber } from '@client/lib/format.ts';
import {
  COMPANY_IMPORT_MAX_BYTES,
  type TCompanyImportFile,
  type TCompanyImportResult,
  type TCompanyImportRow,
} from '@domain/company.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  Progress,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANIES_PATH } from './company-ui.tsx';

type TStep = 0 | 1 | 2;

/** Bytes → base64 in chunks (a large file would overflow String.fromCharCode's arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const ACTION_COLOR = { create: 'green', update: 'blue', unchanged: 'gray', invalid: 'red' } as const;

/** Upload → preview with per-row errors → confirm → result. The server keeps nothing in between. */
export function CompanyImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const inputId = useId();
  const [step, setStep] = useState<TStep>(0);
  const [file, setFile] = useState<TCompanyImportFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<TCompanyImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'storing' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const choose = async (picked: File | undefined) => {
    setError(null);
    setFileError(null);
    setFile(null);
    if (!picked) return;
    if (picked.size > COMPANY_IMPORT_MAX_BYTES) {
      setFileError(t('companies.importWizard.tooLarge'));
      return;
    }
    const bytes = new Uint8Array(await picked.arrayBuffer());
    setFile({ fileName: picked.name, contentBase64: toBase64(bytes), partnershipId: null });
  };

  const send = async (kind: 'preview' | 'confirm') => {
    if (!file) {
      setFileError(t('companies.importWizard.chooseFile'));
      return;
    }
    setBusy(kind === 'preview' ? 'reading' : 'storing');
    setError(null);
    try {
      const res = await api.post<TCompanyImportResult>(`${COMPANIES_PATH}/import/${kind}`, file);
      setResult(res);
      setStep(kind === 'preview' ? 1 : 2);
      if (kind === 'confirm') await qc.invalidateQueries({ queryKey: [COMPANIES_PATH] });
    } catch (err) {
      if (err instanceof ApiError && (err.fields.file || err.fields.fileName)) {
        setFileError(err.fields.file ?? err.fields.fileName ?? null);
      } else {
        setError(err);
      }
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setResult(null);
    setError(null);
  };

  const w = (key: string, o: Record<string, unknown> = {}) => t(`companies.importWizard.${key}`, o);
  const valid = result ? result.counts.create + result.counts.update : 0;
  const fmtCounts = (r: TCompanyImportResult) =>
    Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, formatNumber(v)]));

  return (
    <>
      <Anchor component={Link} to="/companies" size="sm" mb="xs" display="inline-block">
        ← {t('companies.backToList')}
      </Anchor>
      <PageHeader title={w('title')} lead={w('lead')} />
      <Stack gap="lg">
        <Stepper active={step} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={w('stepUpload')} />
          <Stepper.Step label={w('stepPreview')} />
          <Stepper.Step label={w('stepResult')} />
        </Stepper>

        {busy ? (
          <Stack gap={4} role="status">
            <Text size="sm">{w(busy)}</Text>
            <Progress value={100} striped animated aria-label={w(busy)} />
          </Stack>
        ) : null}
        <ErrorAlert error={error} />

        {step === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <Stack>
              <Input.Wrapper
                id={inputId}
                label={w('file')}
                description={w('fileHint')}
                error={fileError}
                labelElement="label"
              >
                <input
                  id={inputId}
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => void choose(e.currentTarget.files?.[0])}
                  aria-invalid={fileError ? true : undefined}
                  style={{ display: 'block', marginTop: 8 }}
                />
              </Input.Wrapper>
              <Group>
                <Button
                  onClick={() => void send('preview')}
                  loading={busy === 'reading'}
                  disabled={busy !== null}
                >
                  {w('preview')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : null}

        {step === 1 && result ? (
          <Stack>
            <Text fw={600} aria-live="polite">
              {w('counts', fmtCounts(result))}
            </Text>
            {valid === 0 && result.counts.unchanged === 0 ? (
              <Alert color="orange" variant="light">
                {w('nothingValid')}
              </Alert>
            ) : null}
            <RowsTable rows={result.rows} columns={result.columns} stored={false} />
            <Group>
              <Button variant="default" onClick={restart} disabled={busy !== null}>
                {w('back')}
              </Button>
              <Button
                onClick={() => void send('confirm')}
                loading={busy === 'storing'}
                disabled={valid + result.counts.unchanged === 0}
              >
                {w('confirm', { count: valid + result.counts.unchanged })}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {step === 2 && result ? (
          <Stack>
            <Alert color="green" variant="light" role="status">
              {w('storedCounts', fmtCounts(result))}
            </Alert>
            <RowsTable rows={result.rows} columns={result.columns} stored />
            <Group>
              <Button variant="default" onClick={restart}>
                {w('again')}
              </Button>
              <Button component={Link} to="/companies">
                {w('toList')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}

function RowsTable({
  rows,
  columns,
  stored,
}: {
  rows: TCompanyImportRow[];
  columns: string[];
  stored: boolean;
}) {
  const { t } = useTranslation();
  const actionKey = stored ? 'storedActions' : 'actions';
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table striped verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('companies.importWizard.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('companies.importWizard.row')}</Table.Th>
              <Table.Th>{t('companies.importWizard.action')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c}>{t(`companies.field.${c}`)}</Table.Th>
              ))}
              <Table.Th>{t('companies.importWizard.errors')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const action = r.action ?? 'invalid';
              return (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    <Badge color={ACTION_COLOR[action]} tt="none">
                      {t(`companies.importWizard.${actionKey}.${action}`)}
                    </Badge>
                  </Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c}>{r.values[c] ?? ''}</Table.Td>
                  ))}
                  <Table.Td>
                    {Object.keys(r.errors).length > 0 ? (
                      <Stack gap={2}>
                        {Object.entries(r.errors).map(([field, message]) => (
                          <Text key={field} size="sm" c="red.9">
                            {t(`companies.field.${field}`, { defaultValue: field })}: {message}
                          </Text>
                        ))}
                      </Stack>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
