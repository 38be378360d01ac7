// Sitecare's light and dark themes: react-admin's defaults, the place for brand colours later.
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

export const lightTheme: RaThemeOptions = defaultLightTheme;
export const darkTheme: RaThemeOptions = defaultDarkTheme;
