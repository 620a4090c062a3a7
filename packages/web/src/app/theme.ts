import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep blue-teal whose shade 7 keeps white text above 4.5:1 (WCAG AA) on buttons and links.
const pivot: MantineColorsTuple = [
  '#e7f5f9',
  '#cfe8f0',
  '#a0d0e1',
  '#6db6d1',
  '#46a0c3',
  '#2d91ba',
  '#1d7c9f',
  '#0e6a86',
  '#0a5870',
  '#064559',
];

export const theme = createTheme({
  primaryColor: 'pivot',
  primaryShade: 7,
  colors: { pivot },
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
});
