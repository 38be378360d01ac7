// Issue 19: the accounting export of a period for staff: SIE 4 (for the bookkeeping program) or a
// CSV of the invoices. The API returns the file's bytes (base64); the browser saves them.
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';

const today = () => new Date().toISOString().slice(0, 10);

export const InvoiceExport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [from, setFrom] = useState(`${new Date().getFullYear()}-01-01`);
  const [to, setTo] = useState(today());
  const download = async (format: 'SIE' | 'CSV') => {
    try {
      const { invoiceExport } = await graphqlRequest<{
        invoiceExport: { filename: string; contentType: string; contentBase64: string };
      }>(
        'query InvoiceExport($i: InvoiceExportInput!) { invoiceExport(input: $i) { filename contentType contentBase64 } }',
        {
          i: { format, from, to },
        },
      );
      const bytes = Uint8Array.from(atob(invoiceExport.contentBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: invoiceExport.contentType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = invoiceExport.filename;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      notify('sitecare.invoices.export_failed', { type: 'error' });
    }
  };
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', p: 1 }}>
      <TextField
        type="date"
        size="small"
        label={translate('sitecare.invoices.from')}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        size="small"
        label={translate('sitecare.invoices.to')}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download('SIE')}>
        {translate('sitecare.invoices.export_sie')}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download('CSV')}>
        {translate('sitecare.invoices.export_csv')}
      </Button>
    </Box>
  );
};
