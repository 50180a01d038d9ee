import {
  OCCUPATION_GROUPS,
  occupationLabel,
  type TOccupation,
  type TOccupationGroup,
} from '@domain/occupations.ts';

// Pure helpers of OccupationSelect, kept apart so they can be unit-tested without a DOM.

export interface TOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * Options grouped by occupation group, groups in the list's fixed order and items in the order the
 * API ranked them. The selected occupation is always included, so the field can show its label
 * while the user searches for something else.
 */
export function toOccupationOptions(
  items: readonly TOccupation[],
  groupLabel: (group: TOccupationGroup) => string,
  selected?: TOccupation | null,
): TOptionGroup[] {
  const all = selected && !items.some((o) => o.id === selected.id) ? [selected, ...items] : items;
  return OCCUPATION_GROUPS.map((g) => ({
    group: groupLabel(g),
    items: all.filter((o) => o.group === g).map((o) => ({ value: o.id, label: occupationLabel(o) })),
  })).filter((g) => g.items.length > 0);
}

/**
 * The text to search for. After a choice the field shows "Tømrer (7115)"; searching for that label
 * would find nothing, so it counts as no search.
 */
export function searchTerm(search: string, selected?: TOccupation | null): string {
  const text = search.trim();
  return selected && text === occupationLabel(selected) ? '' : text;
}
