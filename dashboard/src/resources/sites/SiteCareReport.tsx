// Issue 22: a site's monthly care report on its Care tab: anyone who sees the tab downloads a month's
// PDF (a customer: the reports mailed to it; staff: any month, as a preview), staff mail it again.
import DownloadIcon from '@mui/icons-material/Download';
import SendIcon from '@mui/icons-material/Send';
import { Box, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { LabelledButton } from '../LabelledButton';

import { graphqlRequest } from '../../providers/graphqlRequest';
import { useViewerRole } from '../../providers/useViewerRole';
import { Section } from '../Section';

const PDF =
  'query SiteCareReportPdf($s: UUID!, $m: String!, $l: String) { siteCareReportPdf(siteId: $s, month: $m, language: $l) }';
const RESEND = 'mutation SiteCareReportResend($s: UUID!, $m: String!) { siteCareReportResend(siteId: $s, month: $m) }';

/** The last `count` months before this one, newest first (YYYY-MM). */
export function recentMonths(count: number, now = new Date()): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export const SiteCareReport = () => {
  const site = useRecordContext<{ id: string; domain?: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const role = useViewerRole();
  const staff = role === 'ADMIN' || role === 'EMPLOYEE';
  const months = recentMonths(12);
  const [month, setMonth] = useState(months[0]);
  const [busy, setBusy] = useState(false);
  if (!site) return null;
  const monthLabel = (m: string) =>
    new Date(`${m}-01T12:00:00Z`).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

  const download = async () => {
    setBusy(true);
    try {
      const data = await graphqlRequest<{ siteCareReportPdf: string }>(PDF, {
        s: site.id,
        m: month,
        l: locale === 'en' ? 'en' : 'sv',
      });
      const bytes = Uint8Array.from(atob(data.siteCareReportPdf), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `care-report-${site.domain ?? site.id}-${month}.pdf`;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      notify('sitecare.care_report.not_found', { type: 'warning' });
    } finally {
      setBusy(false);
    }
  };
  const resend = async () => {
    setBusy(true);
    try {
      const data = await graphqlRequest<{ siteCareReportResend: number }>(RESEND, { s: site.id, m: month });
      notify('sitecare.care_report.sent', { type: 'info', messageArgs: { smart_count: data.siteCareReportResend } });
    } catch {
      notify('sitecare.care_report.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="sitecare.care_report.title">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('sitecare.care_report.month')}
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          sx={{ minWidth: 200 }}
        >
          {months.map((m) => (
            <MenuItem key={m} value={m}>
              {monthLabel(m)}
            </MenuItem>
          ))}
        </TextField>
        <LabelledButton label="sitecare.care_report.download" onClick={download} disabled={busy}>
          <DownloadIcon />
        </LabelledButton>
        {staff ? (
          <LabelledButton label="sitecare.care_report.resend" onClick={resend} disabled={busy}>
            <SendIcon />
          </LabelledButton>
        ) : null}
      </Box>
    </Section>
  );
};
