// Issue 25 item 8: a completed request's outcome, readable: what was exported or erased per source
// (rows deleted, anonymised, kept by law and until when), when the download link expires, what a
// restriction, objection, withdrawal or rectification changed. Replaces the raw JSON of `result`.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';

import { formatBytes } from '../formatBytes';
import { ScrollBox } from '../ScrollBox';

interface ErasureReport {
  deleted: number;
  anonymised: number;
  kept?: { count: number; reason: string };
}

interface Outcome {
  note?: string | null;
  nothingHeld?: boolean;
  sections?: Record<string, number>;
  export?: { bytes: number; expiresAt: string };
  erasure?: Record<string, ErasureReport>;
  accounting?: { orderIds: string[]; keepUntil: string | null };
  suppressed?: { email: boolean; phones: number };
  contacts?: number;
  rectified?: { contactId: string; fields: string[] };
}

/** A source's name (`supportTickets`, `consent_events`) in words, translated where a label exists. */
function useSourceLabel() {
  const translate = useTranslate();
  return (name: string) =>
    translate(`sitecare.privacy_outcome.source.${name}`, {
      _: name
        .replace(/[_-]/g, ' ')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .replace(/^./, (c) => c.toUpperCase()),
    });
}

const Line = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" sx={{ mb: 1 }}>
    {children}
  </Typography>
);

export function PrivacyRequestOutcome() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useLocale();
  const sourceLabel = useSourceLabel();
  const result = record?.result as Outcome | null | undefined;
  if (!record || !result) return null;
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' });
  const t = (key: string, options?: Record<string, unknown>) => translate(`sitecare.privacy_outcome.${key}`, options);
  const exported = Object.entries(result.sections ?? {}).filter(([, count]) => count > 0);
  const erased = Object.entries(result.erasure ?? {}).filter(
    ([, r]) => r.deleted > 0 || r.anonymised > 0 || (r.kept?.count ?? 0) > 0,
  );

  return (
    <Box component="section" aria-label={t('title')} sx={{ px: 2, py: 1 }}>
      <Typography component="h2" variant="h6" gutterBottom>
        {t('title')}
      </Typography>
      {result.nothingHeld ? <Line>{t('nothing_held')}</Line> : null}
      {result.export ? (
        <Line>
          {t('export_ready', { size: formatBytes(result.export.bytes, locale), date: date(result.export.expiresAt) })}
          {record.exportAvailable === false ? ` ${t('export_gone')}` : ''}
        </Line>
      ) : null}
      {exported.length ? (
        <ScrollBox name={t('exported')}>
          <Table size="small" aria-label={t('exported')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('source_column')}</TableCell>
                <TableCell align="right">{t('items')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {exported.map(([name, count]) => (
                <TableRow key={name}>
                  <TableCell>{sourceLabel(name)}</TableCell>
                  <TableCell align="right">{count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollBox>
      ) : null}
      {result.erasure ? (
        erased.length ? (
          <ScrollBox name={t('erased')}>
            <Table size="small" aria-label={t('erased')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('source_column')}</TableCell>
                  <TableCell align="right">{t('deleted')}</TableCell>
                  <TableCell align="right">{t('anonymised')}</TableCell>
                  <TableCell>{t('kept')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {erased.map(([name, r]) => (
                  <TableRow key={name}>
                    <TableCell>{sourceLabel(name)}</TableCell>
                    <TableCell align="right">{r.deleted}</TableCell>
                    <TableCell align="right">{r.anonymised}</TableCell>
                    <TableCell>{r.kept?.count ? `${r.kept.count}: ${r.kept.reason}` : '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollBox>
        ) : (
          <Line>{t('nothing_erased')}</Line>
        )
      ) : null}
      {result.accounting?.orderIds.length ? (
        <Line>
          {t('accounting', {
            smart_count: result.accounting.orderIds.length,
            date: result.accounting.keepUntil ? day(result.accounting.keepUntil) : '–',
          })}
        </Line>
      ) : null}
      {result.suppressed ? <Line>{t('suppressed', { smart_count: result.suppressed.phones })}</Line> : null}
      {typeof result.contacts === 'number' ? <Line>{t('contacts', { smart_count: result.contacts })}</Line> : null}
      {result.rectified ? (
        <Line>
          {result.rectified.fields.length
            ? t('rectified', { fields: result.rectified.fields.join(', ') })
            : t('rectified_nothing')}
        </Line>
      ) : null}
      {result.note ? <Line>{t('note', { note: result.note })}</Line> : null}
    </Box>
  );
}
