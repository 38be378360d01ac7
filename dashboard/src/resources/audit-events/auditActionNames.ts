// The audit log's names of events (issue 25), loaded by the screens that show them (the audit log and
// the customer page's activity) rather than with every page's messages: some 150 names per language
// would otherwise be part of the login page's download.
import { useCallback, useEffect, useState } from 'react';
import { useLocale } from 'react-admin';

type Names = Record<string, string>;
const loaded = new Map<string, Promise<Names>>();

function namesFor(locale: string): Promise<Names> {
  let names = loaded.get(locale);
  if (!names) {
    names =
      locale === 'sv'
        ? import('../../i18n/auditMessages.sv').then((m) => m.auditActionSwedish)
        : import('../../i18n/auditMessages').then((m) => m.auditActionEnglish);
    loaded.set(locale, names);
  }
  return names;
}

/** `name(action)`: the event's name in the UI's language (the action itself until the names are here); `ready` once they are. */
export function useAuditActionNames(): { name: (action: string) => string; ready: boolean } {
  const locale = useLocale();
  const [names, setNames] = useState<{ locale: string; names: Names }>();
  useEffect(() => {
    let live = true;
    void namesFor(locale).then((result) => {
      if (live) setNames({ locale, names: result });
    });
    return () => {
      live = false;
    };
  }, [locale]);
  const current = names?.locale === locale ? names.names : undefined;
  const name = useCallback((action: string) => current?.[action] ?? action, [current]);
  return { name, ready: !!current };
}
