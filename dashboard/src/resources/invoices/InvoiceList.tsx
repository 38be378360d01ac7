import { Box } from '@mui/material';
import {
  DataTable,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { BgMaxImportButton } from './BgMaxImport';
import { InvoiceAmountField, InvoiceStateField, MarkPaidButton, PayInvoiceButton } from './InvoiceActions';
import { InvoiceDownload } from './InvoiceDownload';
import { InvoiceExport } from './InvoiceExport';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';
import { PhoneList } from '../PhoneList';

/** "Invoice 1042" / "Credit note 1043": an invoice's kind and number, a stacked row's title on a phone. */
const InvoiceTitle = () => {
  const invoice = useRecordContext<{ id: string; kind: string; number: number }>();
  const translate = useTranslate();
  return <span>{invoice ? `${translate(`sitecare.invoice_kind.${invoice.kind}`)} ${invoice.number}` : null}</span>;
};

const InvoiceDue = () => {
  const invoice = useRecordContext<{ id: string; kind: string; dueDate?: string }>();
  const translate = useTranslate();
  if (invoice?.kind !== 'INVOICE' || !invoice.dueDate) return null;
  return <span>{`${translate('resources.invoices.fields.dueDate')} ${invoice.dueDate}`}</span>;
};

const KINDS = ['INVOICE', 'CREDIT_NOTE'] as const;
const STATUSES = ['OPEN', 'PAID', 'CREDITED'] as const;

export default function InvoiceList() {
  const role = useViewerRole();
  const own = role === 'CUSTOMER';
  const translate = useTranslate();
  const filters = [
    <SelectInput
      key="kind"
      source="kind"
      choices={KINDS.map((id) => ({ id, name: `sitecare.invoice_kind.${id}` }))}
      alwaysOn
    />,
    <SelectInput
      key="status"
      source="status"
      choices={STATUSES.map((id) => ({ id, name: `sitecare.invoice_status.${id}` }))}
      alwaysOn
    />,
    <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
  ];
  return (
    <List
      exporter={csvExporter}
      title={own ? 'sitecare.invoices.my_invoices' : undefined}
      filters={filters}
      perPage={25}
      actions={
        own ? (
          <ListExportActions />
        ) : (
          <TopToolbar sx={{ flexWrap: 'wrap' }}>
            <BgMaxImportButton />
            <InvoiceExport />
          </TopToolbar>
        )
      }
    >
      <PhoneList
        primary={<InvoiceTitle />}
        chips={<InvoiceStateField short />}
        secondary={[<InvoiceAmountField key="total" />, <InvoiceDue key="due" />]}
        actions={
          <>
            <InvoiceDownload />
            {own ? <PayInvoiceButton compact /> : <MarkPaidButton />}
          </>
        }
      >
        <DataTable bulkActionButtons={false}>
          <DataTable.Col source="number" disableSort />
          <DataTable.Col source="kind" disableSort>
            <FunctionField
              source="kind"
              render={(record: { kind: string }) => translate(`sitecare.invoice_kind.${record.kind}`)}
            />
          </DataTable.Col>
          <DataTable.Col source="issueDate" disableSort />
          {own ? null : (
            <DataTable.Col source="buyerName" disableSort>
              <TextField source="buyerName" />
            </DataTable.Col>
          )}
          <DataTable.Col source="totalMinor" disableSort>
            <InvoiceAmountField />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <InvoiceStateField />
          </DataTable.Col>
          <DataTable.Col source="dueDate" disableSort />
          <DataTable.Col source="pdfUrl" disableSort>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
              <InvoiceDownload />
              {own ? <PayInvoiceButton /> : <MarkPaidButton />}
            </Box>
          </DataTable.Col>
        </DataTable>
      </PhoneList>
    </List>
  );
}
