// Issue 19: staff import Bankgirot's BgMax file of incoming payments. The API matches each payment by
// its OCR reference to the agency's open invoices and answers what it did with every payment; the same
// file twice answers the first import. The result is shown here as a table that scrolls on a phone.
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useId, useState } from 'react';
import { useLocale, useRefresh, useTranslate } from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';
import { formatMoney } from '../money';
import { ScrollBox } from '../ScrollBox';

interface ImportRow {
  line: number;
  reference: string;
  amountMinor: number;
  paymentDate: string;
  result: string;
  differenceMinor: number;
  invoice: { number: number } | null;
}

interface ImportResult {
  fileName: string;
  payments: number;
  matched: number;
  overpaid: number;
  underpaid: number;
  notOpen: number;
  unmatched: number;
  creditMinor: number;
  rows: ImportRow[];
}

const IMPORT = `mutation BgMaxImport($i: BgMaxImportInput!) { bgmaxImport(input: $i) {
  id fileName payments matched overpaid underpaid notOpen unmatched creditMinor
  rows { line reference amountMinor paymentDate result differenceMinor invoice { number } } } }`;

const base64Of = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export const BgMaxImportButton = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const refresh = useRefresh();
  const titleId = useId();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const { bgmaxImport } = await graphqlRequest<{ bgmaxImport: ImportResult }>(IMPORT, {
        i: { fileName: file.name, contentBase64: await base64Of(file) },
      });
      setResult(bgmaxImport);
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const money = (minor: number) => formatMoney(minor, 'SEK', locale);
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('sitecare.bgmax.import')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="md">
        <DialogTitle id={titleId}>{translate('sitecare.bgmax.title')}</DialogTitle>
        <DialogContent>
          <Box sx={{ mb: 2 }}>
            <label htmlFor={inputId}>{translate('sitecare.bgmax.file')}</label>{' '}
            <input
              id={inputId}
              type="file"
              accept=".txt,.bgmax,text/plain"
              disabled={busy}
              onChange={(e) => void upload(e.target.files?.[0])}
            />
          </Box>
          {error ? <Alert severity="error">{error}</Alert> : null}
          {result ? (
            <>
              <Alert severity={result.unmatched || result.underpaid || result.overpaid ? 'warning' : 'success'}>
                {translate('sitecare.bgmax.summary', {
                  payments: result.payments,
                  matched: result.matched,
                  overpaid: result.overpaid,
                  underpaid: result.underpaid,
                  unmatched: result.unmatched + result.notOpen,
                })}
                {result.creditMinor > 0 ? (
                  <Box component="span" sx={{ display: 'block' }}>
                    {translate('sitecare.bgmax.credit', { amount: formatMoney(result.creditMinor, 'SEK', locale) })}
                  </Box>
                ) : null}
              </Alert>
              <ScrollBox name={translate('sitecare.bgmax.rows')}>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('sitecare.bgmax.reference')}</TableCell>
                      <TableCell>{translate('sitecare.bgmax.amount')}</TableCell>
                      <TableCell>{translate('sitecare.bgmax.date')}</TableCell>
                      <TableCell>{translate('sitecare.bgmax.result')}</TableCell>
                      <TableCell>{translate('sitecare.bgmax.invoice')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {result.rows.map((row) => (
                      <TableRow key={`${row.line}-${row.reference}`}>
                        <TableCell>{row.reference || '–'}</TableCell>
                        <TableCell>{money(row.amountMinor)}</TableCell>
                        <TableCell>{row.paymentDate}</TableCell>
                        <TableCell>
                          {translate(`sitecare.bgmax.results.${row.result}`)}
                          {row.differenceMinor ? ` (${money(row.differenceMinor)})` : ''}
                        </TableCell>
                        <TableCell>{row.invoice ? `#${row.invoice.number}` : '–'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollBox>
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
