// The stored PDF of an invoice or credit note: a plain link to its download route (the session
// cookie authorises it exactly like the invoice itself).
import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export const InvoiceDownload = () => {
  const invoice = useRecordContext<{ pdfUrl?: string; number?: number; kind?: string }>();
  const translate = useTranslate();
  if (!invoice?.pdfUrl) return null;
  const label = translate(
    invoice.kind === 'CREDIT_NOTE' ? 'sitecare.invoices.download_credit_note' : 'sitecare.invoices.download_number',
    { number: invoice.number },
  );
  return (
    <Button
      component="a"
      href={invoice.pdfUrl}
      download
      size="small"
      startIcon={<DownloadIcon />}
      aria-label={label}
      onClick={(event) => event.stopPropagation()}
    >
      PDF
    </Button>
  );
};
