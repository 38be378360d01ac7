import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { MoneyField } from '../money';
import { InvoiceDownload } from './InvoiceDownload';
import { InvoiceExport } from './InvoiceExport';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const KINDS = ['INVOICE', 'CREDIT_NOTE'] as const;

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
  ];
  return (
    <List
      exporter={csvExporter}
      title={own ? 'sitecare.invoices.my_invoices' : undefined}
      filters={filters}
      perPage={25}
      actions={own ? <ListExportActions /> : <InvoiceExport />}
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
        </DataTable.Col>
        {phone ? null : <DataTable.Col source="issueDate" disableSort />}
        {own || phone ? null : (
          <DataTable.Col source="buyerName" disableSort>
            <TextField source="buyerName" />
          </DataTable.Col>
        )}
        <DataTable.Col source="totalMinor" disableSort>
          <MoneyField source="totalMinor" />
        </DataTable.Col>
        <DataTable.Col source="pdfUrl" disableSort>
          <InvoiceDownload />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
