import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// Text on tinted or white backgrounds (light badges, outline and subtle buttons) uses the
// darkest shade, darkened further on tints, so a red "Slet" or a green "Aktiv" badge passes 4.5:1.
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return colors;
  const darkest = input.theme.colors[parsed.color]?.[9];
  if (!darkest) return colors;
  switch (input.variant) {
    case 'light':
      return { ...colors, color: darken(darkest, 0.35) };
    case 'outline':
    case 'subtle':
    case 'transparent':
      return {
        ...colors,
        color: darkest,
        border: colors.border === 'none' ? colors.border : `1px solid ${darkest}`,
      };
    default:
      return colors;
  }
};

// Mantine's defaults fail WCAG 2.1 AA contrast (filled buttons, dimmed text, placeholders):
// a darker primary shade and darker greys keep every text at 4.5:1 or better on white.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  variantColorResolver,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'always',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    Badge: { defaultProps: { variant: 'light' } },
    // Every toast's close button needs an accessible name (axe: button-name); pages that show
    // a toast may still pass their own, translated one.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Luk besked' } } },
    // A spinner is a <span>: its aria-label ("Indlæser …") is only allowed with a role (axe:
    // aria-prohibited-attr), and "status" is what it is, announced politely.
    Loader: { defaultProps: { role: 'status' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#5c636a',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
