// Renders a component the way the app does: inside react-admin's AdminContext (i18n with our
// Swedish and English messages, a data provider, a store, a router, the notification area) and, if
// given, a record.
import { render, type RenderResult } from '@testing-library/react';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { ReactElement } from 'react';
import {
  AdminContext,
  type DataProvider,
  memoryStore,
  Notification,
  RecordContextProvider,
  type RaRecord,
  testDataProvider,
} from 'react-admin';

import english from '../i18n/english';
import type { Locale } from '../i18n/messages';
import swedish from '../i18n/swedish';

const messages: Record<Locale, typeof english> = { en: english, sv: swedish };

export interface RenderOptions {
  locale?: Locale;
  record?: RaRecord;
  dataProvider?: Partial<DataProvider> | DataProvider;
}

export function renderInAdmin(ui: ReactElement, { locale = 'en', record, dataProvider = {} }: RenderOptions = {}) {
  const i18nProvider = polyglotI18nProvider(
    (wanted) => messages[wanted as Locale] ?? messages.en,
    locale,
    [
      { locale: 'en', name: 'English' },
      { locale: 'sv', name: 'Svenska' },
    ],
    { allowMissing: true },
  ); // as the app's: a server message shows as it comes
  const provider = testDataProvider(dataProvider);
  const result: RenderResult = render(
    <AdminContext dataProvider={provider} i18nProvider={i18nProvider} store={memoryStore()}>
      {record ? <RecordContextProvider value={record}>{ui}</RecordContextProvider> : ui}
      <Notification />
    </AdminContext>,
  );
  return { ...result, dataProvider: provider };
}
