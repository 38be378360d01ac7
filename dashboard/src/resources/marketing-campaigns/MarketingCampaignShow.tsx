// One marketing send: what was sent, then everyone it concerned: sent (with opens and clicks, recorded
// only where the person consented to tracking) or refused by the gate, with the reason in words.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useLocale,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateField } from '../DateField';
import { EnumChipField } from '../EnumChipField';
import { ScrollBox } from '../ScrollBox';
import { EmptyText, Section } from '../Section';

interface Recipient {
  outcome: 'SENT' | 'REFUSED';
  reason: string | null;
  contactName: string | null;
  email: string | null;
  fingerprint: string;
  opens: number;
  clicks: number;
}

const Recipients = () => {
  const campaign = useRecordContext();
  const translate = useTranslate();
  const recipients = (campaign?.recipients ?? []) as Recipient[];
  const caption = translate('sitecare.marketing.recipients');
  return (
    <Section title="sitecare.marketing.recipients">
      {recipients.length ? (
        <ScrollBox name={caption}>
          <Table size="small" aria-label={caption}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('sitecare.marketing.who')}</TableCell>
                <TableCell>{translate('sitecare.marketing.outcome_column')}</TableCell>
                <TableCell align="right">{translate('sitecare.marketing.opens')}</TableCell>
                <TableCell align="right">{translate('sitecare.marketing.clicks')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {recipients.map((r) => (
                <TableRow key={`${r.outcome}-${r.fingerprint}`}>
                  <TableCell>
                    {r.contactName ?? r.email ?? translate('sitecare.marketing.unknown_address')}
                    {r.contactName && r.email ? ` <${r.email}>` : ''}
                  </TableCell>
                  <TableCell>
                    {r.outcome === 'SENT'
                      ? translate('sitecare.marketing.outcome.SENT')
                      : translate('sitecare.marketing.refused_because', {
                          reason: translate(`sitecare.marketing.refusal.${r.reason ?? 'NO_CONSENT'}`),
                        })}
                  </TableCell>
                  <TableCell align="right">{r.outcome === 'SENT' ? r.opens : '–'}</TableCell>
                  <TableCell align="right">{r.outcome === 'SENT' ? r.clicks : '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollBox>
      ) : (
        <EmptyText text="sitecare.marketing.no_recipients" />
      )}
    </Section>
  );
};

export default function MarketingCampaignShow() {
  const locale = useLocale();
  const sv = locale === 'sv';
  return (
    <Show queryOptions={{ meta: { embed: ['recipients'] } }}>
      <SimpleShowLayout>
        <DateField source="createdAt" showTime />
        <Labeled source="purposeKey">
          <EnumChipField source="purposeKey" prefix="sitecare.purpose" />
        </Labeled>
        <TextField source={sv ? 'subjectSv' : 'subjectEn'} label="resources.marketingCampaigns.fields.subject" />
        <TextField
          source={sv ? 'bodySv' : 'bodyEn'}
          label="resources.marketingCampaigns.fields.body"
          sx={{ whiteSpace: 'pre-line' }}
        />
        <TextField source="link" emptyText="–" />
        <NumberField source="queued" />
        <NumberField source="refused" />
        <Recipients />
      </SimpleShowLayout>
    </Show>
  );
}
