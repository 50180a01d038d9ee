import 'dayjs/locale/da';
import { formatDate, parseDateInput } from '@client/lib/format.ts';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { type FocusEvent, type InputEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

type TProblem = 'format' | 'min' | 'max';

export interface TDateFieldProps
  extends Omit<
    DateInputProps,
    'value' | 'defaultValue' | 'onChange' | 'dateParser' | 'valueFormat' | 'minDate' | 'maxDate' | 'locale'
  > {
  /** yyyy-mm-dd, or '' for no date. */
  value: string;
  /** Called with yyyy-mm-dd, or '' when the field is emptied or holds no valid date. */
  onChange: (value: string) => void;
  /** Earliest and latest date allowed (yyyy-mm-dd). */
  min?: string;
  max?: string;
}

function problemOf(text: string, min?: string, max?: string): TProblem | null {
  if (text.trim() === '') return null;
  const date = parseDateInput(text);
  if (!date) return 'format';
  // ISO dates compare as strings.
  if (min && date < min) return 'min';
  if (max && date > max) return 'max';
  return null;
}

/**
 * A date field that shows and takes dates as dd.mm.yyyy whatever the browser's language
 * (DOMAIN.md), with a calendar to pick from; the value is an ISO date string, as in the domain
 * schemas. What cannot be read as a date leaves the value empty (as a native date input does) and
 * says so at the field when the user leaves it, keeping the typed text to correct.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  error,
  clearable = true,
  onInput,
  onBlur,
  popoverProps,
  ...rest
}: TDateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'da';
  // What is wrong with the text typed so far, and what is shown (only once the user leaves the field).
  const [problem, setProblem] = useState<TProblem | null>(null);
  const [shown, setShown] = useState<TProblem | null>(null);
  const [opened, setOpened] = useState(false);
  // A date set from outside (another field's default, a reset) replaces the bad text, and its message.
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== '') {
      setProblem(null);
      setShown(null);
    }
  }

  const message =
    shown === 'format'
      ? t('dateField.invalid')
      : shown === 'min'
        ? t('dateField.tooEarly', { date: formatDate(min) })
        : shown === 'max'
          ? t('dateField.tooLate', { date: formatDate(max) })
          : null;
  const label = typeof rest.label === 'string' ? rest.label : null;

  return (
    <DateInput
      placeholder={t('dateField.placeholder')}
      {...rest}
      value={value && parseDateInput(value) ? value : null}
      onChange={(date) => {
        // Only ever called with a valid date, or null when emptied or cleared.
        setProblem(null);
        setShown(null);
        onChange(date ?? '');
      }}
      onInput={(e: InputEvent<HTMLInputElement>) => {
        onInput?.(e);
        const next = problemOf(e.currentTarget.value, min, max);
        setProblem(next);
        setShown(null);
        // React runs onInput before DateInput's onChange, which ignores text it cannot read and
        // would keep the previous date: empty the value instead, as a native date input does.
        if (next && value !== '') onChange('');
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        onBlur?.(e);
        setShown(problem);
      }}
      // Good text is rewritten as dd.mm.yyyy on leaving; bad text stays, to be corrected.
      fixOnBlur={problem === null}
      error={message ?? error}
      valueFormat="DD.MM.YYYY"
      dateParser={parseDateInput}
      locale={locale}
      firstDayOfWeek={1}
      // Mantine greys other months' days out at half opacity, below 4.5:1 (WCAG 1.4.3).
      hideOutsideDates
      minDate={min}
      maxDate={max}
      clearable={clearable}
      clearButtonProps={{
        'aria-label': label ? t('dateField.clearNamed', { label }) : t('dateField.clear'),
      }}
      ariaLabels={{
        previousMonth: t('dateField.previousMonth'),
        nextMonth: t('dateField.nextMonth'),
        previousYear: t('dateField.previousYear'),
        nextYear: t('dateField.nextYear'),
        previousDecade: t('dateField.previousDecade'),
        nextDecade: t('dateField.nextDecade'),
      }}
      // Escape closes an open calendar, not the dialog the field is in (Mantine's Modal skips
      // Escape from elements marked so).
      data-mantine-stop-propagation={opened || undefined}
      popoverProps={{
        ...popoverProps,
        onOpen: () => {
          setOpened(true);
          popoverProps?.onOpen?.();
        },
        onClose: () => {
          setOpened(false);
          popoverProps?.onClose?.();
        },
      }}
    />
  );
}
