// Dates in the UI's language, not the browser's: Swedish "2026-11-25 14:05", English
// "25 Nov 2026, 14:05". Use this instead of react-admin's DateField everywhere.
// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { DateField as RaDateField, useLocaleState, type DateFieldProps } from 'react-admin';

export const DateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  const sv = locale === 'sv';
  const style = sv ? 'short' : 'medium';
  return (
    <RaDateField
      locales={sv ? 'sv-SE' : 'en-GB'}
      options={props.showTime ? { dateStyle: style, timeStyle: 'short' } : { dateStyle: style }}
      {...props}
    />
  );
};
