// Messages of invoices and credit notes (issue 19), merged into sitecareMessages.ts.
// English is the reference; Swedish must have the same shape (checked at compile time).

export const invoiceEnglish = {
  sitecare: {
    invoice_kind: { INVOICE: 'Invoice', CREDIT_NOTE: 'Credit note' },
    buyer_type: { COMPANY: 'Company', PRIVATE: 'Private person' },
    invoices: {
      my_invoices: 'My invoices',
      download_number: 'Download invoice %{number} (PDF)',
      download_credit_note: 'Download credit note %{number} (PDF)',
      from: 'From',
      to: 'To',
      export_sie: 'SIE file',
      export_csv: 'CSV',
      export_failed: 'The export could not be made',
    },
  },
  resources: {
    invoices: {
      name: 'Invoice |||| Invoices',
      empty: 'No invoices yet.',
      fields: {
        number: 'Number',
        kind: 'Kind',
        issueDate: 'Date',
        buyerName: 'Buyer',
        totalMinor: 'Total',
        pdfUrl: 'PDF',
      },
    },
  },
};
