// Sitecare's light and dark themes: react-admin's defaults with a blue dark enough for white text on
// the app bar (its secondary colour) and buttons (WCAG AA: 4.5:1; react-admin's #2196f3 gives 3.1:1).
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, primary: { main: '#1565c0' }, secondary: { main: '#1565c0' } },
};
export const darkTheme: RaThemeOptions = defaultDarkTheme;
