import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { formatNumber } from '@client/lib/format.ts';
import type { TIndicatorImportFile, TIndicatorImportResult } from '@domain/indicator.schema.ts';
import { Alert, Anchor, Button, Group, Input, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  INDICATOR_IMPORT_MAX_BYTES,
  INDICATOR_IMPORT_PATH,
  INDICATORS_PATH,
  importColumnName,
  importProblems,
  templateHref,
  toBase64,
} from './indicator-ui.ts';

/**
 * Import from CSV or XLSX: a dry run first (every row checked, nothing stored), the per-row errors
 * in a table, then "Gem" — which stores every row in one transaction, or nothing when any is bad.
 */
export function IndicatorImportPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Omit<TIndicatorImportFile, 'dryRun'> | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<TIndicatorImportResult | null>(null);
  const [busy, setBusy] = useState<'checking' | 'storing' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const k = (key: string, vars: Record<string, unknown> = {}) => t(`indicators.import.${key}`, vars);

  const choose = async (picked: File | undefined) => {
    setError(null);
    setFileError(null);
    setFile(null);
    setResult(null);
    if (!picked) return;
    if (picked.size > INDICATOR_IMPORT_MAX_BYTES) {
      setFileError(k('tooLarge'));
      return;
    }
    const bytes = new Uint8Array(await picked.arrayBuffer());
    setFile({ fileName: picked.name, contentBase64: toBase64(bytes) });
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError(k('chooseFile'));
      return;
    }
    setBusy(dryRun ? 'checking' : 'storing');
    setError(null);
    try {
      const res = await api.post<TIndicatorImportResult>(INDICATOR_IMPORT_PATH, { ...file, dryRun });
      setResult(res);
      if (res.stored) await qc.invalidateQueries({ queryKey: [INDICATORS_PATH] });
    } catch (err) {
      if (err instanceof ApiError && (err.fields.file || err.fields.fileName || err.fields.contentBase64)) {
        setFileError(err.fields.file ?? err.fields.fileName ?? err.fields.contentBase64 ?? null);
      } else {
        setError(err);
      }
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setFile(null);
    setResult(null);
    setError(null);
    setFileError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const problems = result ? importProblems(result) : [];
  const counts = result
    ? Object.fromEntries(Object.entries(result.counts).map(([key, v]) => [key, formatNumber(v)]))
    : {};

  return (
    <SectionCard title={k('title')}>
      <Stack gap="md" id="import">
        <Text size="sm">{k('lead')}</Text>
        <Text size="sm">
          {k('columns', { columns: IMPORT_FIELDS.map(importColumnName).join(', ') })}{' '}
          <Anchor href={templateHref()} download="indikatorer-skabelon.csv">
            {k('template')}
          </Anchor>
        </Text>
        <Input.Wrapper
          id={inputId}
          label={k('file')}
          description={k('fileHint')}
          error={fileError}
          labelElement="label"
        >
          <input
            ref={fileInput}
            id={inputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
            aria-invalid={fileError ? true : undefined}
            style={{ display: 'block', marginTop: 8 }}
          />
        </Input.Wrapper>
        <Group>
          <Button onClick={() => void send(true)} loading={busy === 'checking'} disabled={busy !== null}>
            {k('check')}
          </Button>
          {result && !result.stored ? (
            <Button
              onClick={() => void send(false)}
              loading={busy === 'storing'}
              disabled={busy !== null || result.counts.invalid > 0}
            >
              {k('save')}
            </Button>
          ) : null}
          {result ? (
            <Button variant="default" onClick={restart} disabled={busy !== null}>
              {k('again')}
            </Button>
          ) : null}
        </Group>

        {busy ? (
          <Stack gap={4} role="status">
            <Text size="sm">{k(busy)}</Text>
            <Progress value={100} striped animated aria-label={k(busy)} />
          </Stack>
        ) : null}
        <ErrorAlert error={error} />

        {result ? (
          <Stack gap="sm">
            <Text fw={600} aria-live="polite">
              {k('summary', counts)}
            </Text>
            {result.stored ? (
              <Alert color="green" variant="light" role="status">
                {k('stored', { count: result.counts.total, formatted: counts.total })}
              </Alert>
            ) : result.counts.invalid > 0 ? (
              <Alert color="red" variant="light" role="alert" title={k('hasErrorsTitle')}>
                {k('hasErrors', { count: result.counts.invalid, formatted: counts.invalid })}
              </Alert>
            ) : (
              <Alert color="blue" variant="light" role="status">
                {k('ready')}
              </Alert>
            )}
            {problems.length > 0 ? (
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={480} type="native">
                  <Table striped verticalSpacing="xs" fz="sm">
                    <caption className="visually-hidden">{k('problemsCaption')}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{k('row')}</Table.Th>
                        <Table.Th scope="col">{k('column')}</Table.Th>
                        <Table.Th scope="col">{k('message')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {problems.map((p) => (
                        <Table.Tr key={`${p.row}-${p.column}`}>
                          <Table.Td>{p.row}</Table.Td>
                          <Table.Td>{p.column}</Table.Td>
                          <Table.Td>{p.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
