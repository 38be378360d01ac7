// Issue 19: invoices and credit notes: staff see the agency's (with the SIE and CSV export), customers
// their own ("My invoices"); each downloads as the stored PDF.
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./InvoiceList')),
  icon: RequestQuoteIcon,
  recordRepresentation: (invoice: { number?: number }) => `#${invoice.number ?? ''}`,
};
