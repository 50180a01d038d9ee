import { api } from '@client/api/client.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { formatDate, formatFileSize } from '@client/lib/format.ts';
import type { TResident } from '@domain/resident.schema.ts';
import { CV_ACCEPT, type TResidentCv } from '@domain/resident-cv.schema.ts';
import { Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cvTypeKey, ZCvUpload } from './resident-cv.ts';
import { notifySuccess, OccupationName, RESIDENTS_PATH } from './resident-ui.tsx';

/**
 * The CV tab (professional view): the uploaded file (name, type, size, when and by whom) with
 * download, replace and delete, and the structured CV from the profile with a link to edit it.
 */
export function CvTab({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const path = `${RESIDENTS_PATH}/${resident.id}/cv`;
  const cv = resident.cv ?? null;
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an upload.
  const [inputKey, setInputKey] = useState(0);
  const [confirming, setConfirming] = useState(false);

  const setCv = (next: TResidentCv | null) =>
    qc.setQueryData<TResident>([RESIDENTS_PATH, resident.id], (r) => (r ? { ...r, cv: next } : r));

  const { errors, setErrors, error, busy, submit } = useSchemaSubmit(ZCvUpload, async (data) => {
    const saved = await api.upload<TResidentCv>(path, data.file, { method: 'PUT' });
    setCv(saved);
    setFile(null);
    setInputKey((k) => k + 1);
    notifySuccess(t, t('residents.cv.saved'));
  });

  return (
    <Stack gap="md">
      <SectionCard
        title={t('residents.cv.fileTitle')}
        actions={
          cv ? (
            <Group gap="xs">
              {/* A plain link: the browser downloads the attachment with the session cookie. */}
              <Button component="a" href={path} download={cv.fileName} variant="default">
                {t('residents.cv.download')}
              </Button>
              {resident.canEdit ? (
                <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                  {t('residents.cv.delete')}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      >
        {cv ? (
          <FactGrid>
            <Fact label={t('residents.cv.fileName')}>
              <span style={{ overflowWrap: 'anywhere' }}>{cv.fileName}</span>
            </Fact>
            <Fact label={t('residents.cv.type')}>
              {t(`residents.cv.typeName.${cvTypeKey(cv.mediaType)}`)}
            </Fact>
            <Fact label={t('residents.cv.size')}>{formatFileSize(cv.sizeBytes)}</Fact>
            <Fact label={t('residents.cv.uploaded')}>
              {t('residents.cv.uploadedBy', {
                date: formatDate(cv.uploadedAt),
                name: cv.uploadedByName ?? t('residents.cv.unknownUser'),
              })}
            </Fact>
          </FactGrid>
        ) : (
          <Text>{t('residents.cv.none')}</Text>
        )}

        {resident.canEdit ? (
          <form
            noValidate
            aria-label={cv ? t('residents.cv.replace') : t('residents.cv.upload')}
            onSubmit={(e) => {
              e.preventDefault();
              void submit({ file });
            }}
          >
            <Stack gap="xs" mt="md" maw={560}>
              <ErrorAlert error={Object.keys(errors).length ? null : error} />
              <FileInput
                key={inputKey}
                label={cv ? t('residents.cv.replaceLabel') : t('residents.cv.uploadLabel')}
                description={t('residents.cv.fileHint')}
                placeholder={t('residents.cv.filePlaceholder')}
                accept={CV_ACCEPT}
                value={file}
                error={errors.file}
                clearable
                clearButtonProps={{ 'aria-label': t('residents.cv.clearFile') }}
                onChange={(f) => {
                  setFile(f);
                  setErrors({});
                }}
              />
              <Group>
                <Button type="submit" loading={busy}>
                  {cv ? t('residents.cv.replace') : t('residents.cv.upload')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </SectionCard>

      <StructuredCv resident={resident} />

      <ConfirmDialog
        opened={confirming}
        title={t('residents.cv.deleteTitle')}
        message={t('residents.cv.deleteMessage')}
        confirmLabel={t('residents.cv.delete')}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await api.delete(path);
          setCv(null);
          notifySuccess(t, t('residents.cv.deleted'));
        }}
      />
    </Stack>
  );
}

/** The CV as the profile holds it: experience, skills, education, Danish; what matching uses. */
function StructuredCv({ resident: r }: { resident: TResident }) {
  const { t } = useTranslation();
  const none = t('residents.notStated');
  const experiences = r.experiences ?? [];
  return (
    <SectionCard
      title={t('residents.cv.structuredTitle')}
      actions={
        r.canEdit ? (
          <Anchor component={Link} to={`/residents/${r.id}/edit#experiences`}>
            {t('residents.cv.editStructured')}
          </Anchor>
        ) : null
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('residents.cv.structuredLead')}
      </Text>
      <Stack gap="sm">
        <div>
          <Text fw={700} size="sm">
            {t('residents.field.experiences')}
          </Text>
          {experiences.length === 0 ? (
            <Text>{t('residents.form.experienceNone')}</Text>
          ) : (
            <Text component="ul" m={0} pl="lg">
              {experiences.map((e, i) => (
                // Entries have no id; their order is their identity here.
                // biome-ignore lint/suspicious/noArrayIndexKey: read-only list in the stored order
                <li key={i}>
                  <Text span fw={600}>
                    {e.title}
                  </Text>
                  {e.employer ? `, ${e.employer}` : ''}
                  {e.fromYear ? ` (${e.fromYear}–${e.toYear ?? ''})` : ''}
                  {e.description ? (
                    <Text size="sm" c="dimmed">
                      {e.description}
                    </Text>
                  ) : null}
                </li>
              ))}
            </Text>
          )}
        </div>
        <FactGrid>
          <Fact label={t('residents.field.occupationIds')}>
            {r.occupationIds && r.occupationIds.length > 0 ? (
              <Text component="ol" m={0} pl="lg" fw={500}>
                {r.occupationIds.map((o) => (
                  <li key={o}>
                    <OccupationName id={o} />
                  </li>
                ))}
              </Text>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t('residents.field.skills')}>{r.skills?.length ? r.skills.join(', ') : none}</Fact>
          <Fact label={t('residents.field.educationLevel')}>
            {r.educationLevel ? t(`residents.education.${r.educationLevel}`) : none}
          </Fact>
          <Fact label={t('residents.field.danishLevel')}>
            {r.danishLevel ? t(`residents.danishLevel.${r.danishLevel}`) : none}
          </Fact>
        </FactGrid>
      </Stack>
    </SectionCard>
  );
}
