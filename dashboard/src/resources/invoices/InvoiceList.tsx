import { useMediaQuery, type Theme } from '@mui/material';
import { Box } from '@mui/material';
import {
  DataTable,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { BgMaxImportButton } from './BgMaxImport';
import { InvoiceAmountField, InvoiceStateField, MarkPaidButton, PayInvoiceButton } from './InvoiceActions';
import { InvoiceDownload } from './InvoiceDownload';
import { InvoiceExport } from './InvoiceExport';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const KINDS = ['INVOICE', 'CREDIT_NOTE'] as const;
const STATUSES = ['OPEN', 'PAID', 'CREDITED'] as const;

export default function InvoiceList() {
  const role = useViewerRole();
  const own = role === 'CUSTOMER';
  const translate = useTranslate();
  // A phone (390 px) shows the kind, number, total and the download; the date and buyer from a tablet up.
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
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
      <DataTable bulkActionButtons={false}>
        {phone ? null : <DataTable.Col source="number" disableSort />}
        <DataTable.Col source="kind" disableSort>
          <FunctionField
            source="kind"
            render={(record: { kind: string; number: number }) =>
              `${translate(`sitecare.invoice_kind.${record.kind}`)}${phone ? ` ${record.number}` : ''}`
            }
          />
          {/* On a phone the state goes under the kind (one column less). */}
          {phone ? (
            <Box sx={{ mt: 0.5 }}>
              <InvoiceStateField short />
            </Box>
          ) : null}
        </DataTable.Col>
        {phone ? null : <DataTable.Col source="issueDate" disableSort />}
        {own || phone ? null : (
          <DataTable.Col source="buyerName" disableSort>
            <TextField source="buyerName" />
          </DataTable.Col>
        )}
        <DataTable.Col source="totalMinor" disableSort>
          <InvoiceAmountField />
        </DataTable.Col>
        {phone ? null : (
          <DataTable.Col source="status" disableSort>
            <InvoiceStateField />
          </DataTable.Col>
        )}
        {phone ? null : <DataTable.Col source="dueDate" disableSort />}
        <DataTable.Col source="pdfUrl" disableSort>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
            <InvoiceDownload />
            {own ? <PayInvoiceButton compact={phone} /> : <MarkPaidButton />}
          </Box>
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
