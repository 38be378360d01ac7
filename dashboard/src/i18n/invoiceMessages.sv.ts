// The Swedish of invoiceMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { invoiceEnglish } from './invoiceMessages';

export const invoiceSwedish: Messages<typeof invoiceEnglish> = {
  sitecare: {
    invoice_kind: { INVOICE: 'Faktura', CREDIT_NOTE: 'Kreditfaktura' },
    buyer_type: { COMPANY: 'Företag', PRIVATE: 'Privatperson' },
    invoice_status: { OPEN: 'Obetald', PAID: 'Betald', CREDITED: 'Krediterad', ISSUED: 'Utfärdad' },
    bgmax: {
      import: 'Läs in BgMax',
      title: 'Läs in en BgMax-fil från Bankgirot',
      file: 'BgMax-fil',
      rows: 'Betalningar i filen',
      summary:
        '%{payments} betalningar: %{matched} matchade, %{overpaid} överbetalda, %{underpaid} underbetalda, %{unmatched} ej matchade',
      reference: 'Referens',
      amount: 'Belopp',
      date: 'Betalningsdag',
      result: 'Resultat',
      invoice: 'Faktura',
      results: {
        MATCHED: 'Betald',
        OVERPAID: 'Betald, överbetald',
        UNDERPAID: 'Underbetald, fortfarande obetald',
        NOT_OPEN: 'Fakturan är inte obetald',
        UNMATCHED: 'Ej matchad',
      },
    },
    invoices: {
      overdue_title: 'Förfallna fakturor',
      overdue_count: 'förfallen faktura |||| förfallna fakturor',
      overdue_empty: 'Ingen faktura är förfallen',
      overdue_item: 'Faktura %{number}, %{buyer}',
      overdue_all: 'Alla förfallna fakturor',
      due_on: 'förföll %{date}',
      overdue: 'Förfallen',
      overdue_days: 'Förfallen 1 dag |||| Förfallen %{smart_count} dagar',
      mark_paid: 'Markera betald',
      mark_paid_number: 'Markera faktura %{number} som betald',
      marked_paid: 'Faktura %{number} är betald',
      pay: 'Betala',
      pay_number: 'Betala faktura %{number} med kort',
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
        status: 'Status',
        dueDate: 'Förfaller',
        overdue: 'Förfallen',
        paidOn: 'Betalningsdag',
      },
    },
  },
};
