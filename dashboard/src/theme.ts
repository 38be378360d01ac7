// Sitecare's light and dark themes: react-admin's defaults with colours dark enough for text on a
// white page and white text on them (WCAG AA: 4.5:1). React-admin's blue #2196f3 gives 3.1:1, so
// the app bar and buttons use #1565c0; MUI's warning orange #ed6c02 (3.1:1) and info blue #0288d1
// (3.9:1) fail as the text of outlined chips and alerts, so they are darkened to #b45309 (5.0:1)
// and #01579b (7.4:1).
import type { Theme } from '@mui/material';
import { type ComponentType, createElement, lazy, Suspense } from 'react';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** One of LoadError.tsx's components, loaded with the first list (not with the login page). */
const later = (name: 'ListLoadError' | 'ListPagination' | 'RecordLoadError') => {
  const Component: ComponentType = lazy(() => import('./resources/LoadError').then((m) => ({ default: m[name] })));
  return createElement(Suspense, { fallback: null }, createElement(Component));
};

// Issue 25 item 7: a list or record whose request failed (offline, or the server) shows an error
// with a retry in the UI's language, never an empty list ("No customers found") or stale rows.
const components = {
  RaList: {
    defaultProps: {
      error: later('ListLoadError'),
      offline: later('ListLoadError'),
      pagination: later('ListPagination'),
    },
  },
  RaShow: { defaultProps: { error: later('RecordLoadError') } },
  RaEdit: { defaultProps: { error: later('RecordLoadError') } },
  // A spinner is decoration: react-admin's loading page says "Loading" in words beside it, and the
  // app bar's refresh spinner has no name to give in the UI's language from a static theme. Hidden
  // from assistive technology, it is no longer an unnamed progress bar (axe: aria-progressbar-name).
  MuiCircularProgress: { defaultProps: { 'aria-hidden': true } },
  // Issue 25: on a phone the app bar's title was cut off behind the language button. Below `sm` the
  // language button shows only its globe (the language's name stays its accessible name) and the
  // title is a size smaller, ending in an ellipsis if it still does not fit.
  RaLocalesMenuButton: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        [theme.breakpoints.down('sm')]: {
          '& .MuiButton-root': { minWidth: 0, fontSize: 0 },
          '& .MuiButton-startIcon': { margin: 0 },
          '& .MuiButton-endIcon': { display: 'none' },
        },
      }),
    },
  },
  // react-admin's loading page writes its words in the theme's disabled text colour (2.66:1 on the
  // light background; axe: color-contrast): the secondary text colour reads at 4.5:1 or better.
  RaLoading: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({ '& .RaLoading-message': { color: theme.palette.text.secondary } }),
    },
  },
  RaAppBar: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        [theme.breakpoints.down('sm')]: { '& .RaAppBar-title': { fontSize: '1.1rem', minWidth: 0 } },
      }),
    },
  },
} as RaThemeOptions['components'];

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  components: { ...defaultLightTheme.components, ...components },
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { main: '#1565c0' },
    warning: { main: '#b45309' },
    info: { main: '#01579b' },
  },
};
export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  components: { ...defaultDarkTheme.components, ...components },
};
