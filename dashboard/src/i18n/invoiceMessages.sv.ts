// The Swedish of invoiceMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { invoiceEnglish } from './invoiceMessages';

export const invoiceSwedish: Messages<typeof invoiceEnglish> = {
  sitecare: {
    invoice_kind: { INVOICE: 'Faktura', CREDIT_NOTE: 'Kreditfaktura' },
    buyer_type: { COMPANY: 'Företag', PRIVATE: 'Privatperson' },
    invoices: {
      my_invoices: 'Mina fakturor',
      download_number: 'Ladda ner faktura %{number} (PDF)',
      download_credit_note: 'Ladda ner kreditfaktura %{number} (PDF)',
      from: 'Från',
      to: 'Till',
      export_sie: 'SIE-fil',
      export_csv: 'CSV',
      export_failed: 'Exporten kunde inte göras',
    },
  },
  resources: {
    invoices: {
      name: 'Faktura |||| Fakturor',
      empty: 'Inga fakturor än.',
      fields: {
        number: 'Nummer',
        kind: 'Typ',
        issueDate: 'Datum',
        buyerName: 'Köpare',
        totalMinor: 'Summa',
        pdfUrl: 'PDF',
      },
    },
  },
};
