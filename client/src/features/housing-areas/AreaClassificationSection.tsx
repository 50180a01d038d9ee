import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TAreaClassificationView } from '@domain/indicator.schema.ts';
import {
  findClassificationRules,
  NO_CATEGORY,
  type TClassificationRules,
} from '@domain/rules/area-classification.ts';
import { Badge, Button, Group, List, NativeSelect, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassificationInputModal } from './ClassificationInputModal.tsx';
import {
  categoryColor,
  categoryHeading,
  classificationPath,
  classificationYears,
  formatCriterionValue,
  formatLimit,
  formatMargin,
} from './classification-ui.ts';

interface Props {
  area: { id: string; name: string; residentsCount: number };
  canEdit: boolean;
}

function categoryLabel(rules: TClassificationRules, key: string): string {
  return key === NO_CATEGORY
    ? rules.noneLabelDa
    : (rules.categories.find((c) => c.key === key)?.labelDa ?? key);
}

/**
 * The area's place on the list of a year: the stored inputs, the result with each criterion met
 * or not and by what margin, and the rules' reasons in Danish; an edit form for those who may.
 */
export function AreaClassificationSection({ area, canEdit }: Props) {
  const { t } = useTranslation();
  const years = classificationYears();
  const [year, setYear] = useState<number>(years[0] ?? 2019);
  const [editing, setEditing] = useState(false);
  const rules = findClassificationRules(year);
  const path = classificationPath(area.id);
  const view = useQuery({
    queryKey: [path, year],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<TAreaClassificationView>(path, { year }, signal),
  });
  const data = view.data?.year === year ? view.data : undefined;
  const result = data?.classification ?? null;
  const input = data?.input ?? null;
  const k = (key: string, vars: Record<string, unknown> = {}) => t(`areaPage.classification.${key}`, vars);

  const editButton =
    canEdit && data ? (
      <Button variant={input ? 'outline' : 'filled'} onClick={() => setEditing(true)}>
        {input ? k('edit') : k('enter')}
      </Button>
    ) : null;

  return (
    <SectionCard title={k('title')} actions={editButton}>
      <Stack gap="md">
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={k('year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          {rules ? (
            <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
              {k('rules', {
                name: rules.nameDa.charAt(0).toLocaleLowerCase('da-DK') + rules.nameDa.slice(1),
                publication: rules.source.publication,
              })}
            </Text>
          ) : null}
        </Group>
        <ErrorAlert error={view.error} />
        {view.isPending ? <Skeleton height={160} /> : null}
        {data && !input ? <Text>{canEdit ? k('emptyCanEdit', { year }) : k('empty', { year })}</Text> : null}

        {data && input && result && rules ? (
          <>
            <Group gap="sm" align="center">
              <Title order={3} fz="h4">
                {k('result')}:
              </Title>
              <Badge size="lg" color={categoryColor(result.category)} tt="none">
                {categoryHeading(result.categoryLabelDa)}
              </Badge>
            </Group>
            {!result.certain ? (
              <Text>
                {k('uncertain', { category: categoryLabel(rules, result.highestPossibleCategory) })}
              </Text>
            ) : null}

            <FactGrid>
              <Fact label={k('residents')}>{formatNumber(input.residents)}</Fact>
              <Fact label={k('yearsOnList')}>{formatNumber(input.yearsOnList)}</Fact>
              <Fact label={k('updated')}>{formatDate(input.updatedAt)}</Fact>
              <Fact label={k('source')}>{input.source ?? ''}</Fact>
              <Fact label={k('note')}>{input.note ?? ''}</Fact>
            </FactGrid>

            <Table.ScrollContainer minWidth={720} type="native">
              <Table striped verticalSpacing="xs" fz="sm">
                <caption className="visually-hidden">{k('criteriaCaption', { year })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{k('criterion')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {k('value')}
                    </Table.Th>
                    <Table.Th scope="col">{k('limitColumn')}</Table.Th>
                    <Table.Th scope="col">{k('status')}</Table.Th>
                    <Table.Th scope="col">{k('margin')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.criteria.map((c) => {
                    const measure = rules.criteria.find((r) => r.id === c.id)?.measureDa ?? c.measure;
                    const state = c.met === null ? 'unknown' : c.met ? 'met' : 'notMet';
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Th scope="row" fw={500}>
                          {k('criterionN', { id: c.id, measure })}
                        </Table.Th>
                        <Table.Td style={{ textAlign: 'right' }}>
                          {formatCriterionValue(t, c.value, c.unit)}
                        </Table.Td>
                        <Table.Td>{formatLimit(t, c.threshold, c.comparison, c.unit)}</Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            <Badge
                              color={state === 'met' ? 'orange' : state === 'notMet' ? 'green' : 'gray'}
                              tt="none"
                              style={{ flexShrink: 0 }}
                            >
                              {k(state)}
                            </Badge>
                            {c.decisive ? (
                              <Badge color="red" variant="outline" tt="none" style={{ flexShrink: 0 }}>
                                {k('decisive')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>{formatMargin(t, c.margin, c.unit)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>

            <div>
              <Title order={3} fz="h5" mb={4}>
                {k('reasons')}
              </Title>
              <List spacing={4} size="sm">
                {result.explanationDa.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </div>
          </>
        ) : null}
      </Stack>
      {rules && data ? (
        <ClassificationInputModal
          opened={editing}
          onClose={() => setEditing(false)}
          areaId={area.id}
          areaResidents={area.residentsCount}
          rules={rules}
          view={data}
        />
      ) : null}
    </SectionCard>
  );
}
