// Issue 20, who looked at my data: on a site's page, who revealed its credentials (name and role,
// when) and the reveals that were refused. For the site's customer and staff; never an IP address.
import { List, ListItem, ListItemText } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';
import { EmptyText, Section } from '../Section';

export const CREDENTIAL_ACCESS = `query SiteCredentialAccess($id: UUID!) {
  site(id: $id) { id credentialAccess { at credentialLabel actorName actorRole outcome reason } }
}`;

export interface AccessRow {
  at: string;
  credentialLabel: string | null;
  actorName: string | null;
  actorRole: string | null;
  outcome: 'ALLOWED' | 'DENIED' | 'FAILED';
  reason: string | null;
}

export const SiteCredentialAccess = (_: { label?: false }) => {
  const site = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [rows, setRows] = useState<AccessRow[] | undefined>();
  useEffect(() => {
    if (!site?.id) return;
    void graphqlRequest<{ site: { credentialAccess: AccessRow[] } }>(CREDENTIAL_ACCESS, { id: site.id }).then(
      ({ site: found }) => setRows(found.credentialAccess),
      () => setRows([]),
    );
  }, [site?.id]);
  if (!rows) return null;
  const time = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: locale === 'sv' ? 'short' : 'medium',
      timeStyle: 'short',
    });
  return (
    <Section title="sitecare.credential_access.title">
      {rows.length ? (
        <List disablePadding>
          {rows.map((row, i) => {
            const who = [row.actorName, row.actorRole ? translate(`sitecare.roles.${row.actorRole}`) : null]
              .filter(Boolean)
              .join(', ');
            return (
              <ListItem key={`${row.at}-${i}`} divider disableGutters data-testid="credential-access">
                <ListItemText
                  primary={translate(
                    row.outcome === 'ALLOWED'
                      ? 'sitecare.credential_access.revealed'
                      : 'sitecare.credential_access.refused',
                    {
                      who: who || translate('sitecare.credential_access.someone'),
                      credential: row.credentialLabel ?? translate('sitecare.credential_access.removed_credential'),
                    },
                  )}
                  secondary={time(row.at)}
                />
              </ListItem>
            );
          })}
        </List>
      ) : (
        <EmptyText text="sitecare.credential_access.empty" />
      )}
    </Section>
  );
};
