// Messages of invoices and credit notes (issue 19), merged into sitecareMessages.ts.
// English is the reference; Swedish must have the same shape (checked at compile time).

export const invoiceEnglish = {
  sitecare: {
    invoice_kind: { INVOICE: 'Invoice', CREDIT_NOTE: 'Credit note' },
    buyer_type: { COMPANY: 'Company', PRIVATE: 'Private person' },
    invoice_status: { OPEN: 'Open', PAID: 'Paid', CREDITED: 'Credited', ISSUED: 'Issued' },
    bgmax: {
      import: 'Import BgMax',
      title: 'Import a BgMax file from Bankgirot',
      file: 'BgMax file',
      rows: 'Payments in the file',
      summary:
        '%{payments} payments: %{matched} matched, %{overpaid} overpaid, %{underpaid} underpaid, %{unmatched} not matched',
      reference: 'Reference',
      amount: 'Amount',
      date: 'Payment date',
      result: 'Result',
      invoice: 'Invoice',
      results: {
        MATCHED: 'Paid',
        OVERPAID: 'Paid, overpaid',
        UNDERPAID: 'Underpaid, still open',
        NOT_OPEN: 'Invoice not open',
        UNMATCHED: 'Not matched',
      },
    },
    invoices: {
      overdue: 'Overdue',
      overdue_days: 'Overdue 1 day |||| Overdue %{smart_count} days',
      mark_paid: 'Mark paid',
      mark_paid_number: 'Mark invoice %{number} paid',
      marked_paid: 'Invoice %{number} is paid',
      pay: 'Pay',
      pay_number: 'Pay invoice %{number} by card',
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
        status: 'Status',
        dueDate: 'Due',
        overdue: 'Overdue',
        paidOn: 'Payment date',
      },
    },
  },
};
