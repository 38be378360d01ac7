// An order with its lines, totals and payments. Amounts are minor units of the order's currency.
import { Alert, Box } from '@mui/material';
import {
  BooleanField,
  DataTable,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { EmbeddedTable } from '../EmbeddedTable';
import { EnumChipField } from '../EnumChipField';
import { MoneyField } from '../money';
import { EmptyText, Section } from '../Section';
import {
  IntervalField,
  OrderStatusField,
  PaymentMethodField,
  PaymentProviderField,
  PaymentFailureField,
  PaymentStatusField,
  failureText,
} from './OrderFields';
import { OrderCancelButton } from './OrderCancelButton';
import { OrderPayButton } from './OrderPayButton';
import { OrderRefundButton } from './OrderRefundButton';
import { InvoiceDownload } from '../invoices/InvoiceDownload';
import { DateField } from '../DateField';

/** The order's currency, for amounts in its lines. */
const OrderMoney = ({ source }: { source: string }) => {
  const order = useRecordContext();
  return <MoneyField source={source} currency={String(order?.currency ?? 'SEK')} />;
};

const Lines = () => {
  const order = useRecordContext();
  const currency = String(order?.currency ?? 'SEK');
  return (
    <Section title="resources.orders.fields.lines">
      <EmbeddedTable source="lines" resource="orderLines">
        <DataTable bulkActionButtons={false} empty={<EmptyText text="sitecare.common.empty" />}>
          <DataTable.Col source="description" />
          <DataTable.Col source="interval" field={IntervalField} />
          <DataTable.Col source="quantity" />
          <DataTable.Col source="unitPriceMinor">
            <MoneyField source="unitPriceMinor" currency={currency} />
          </DataTable.Col>
          <DataTable.Col source="totalMinor">
            <MoneyField source="totalMinor" currency={currency} />
          </DataTable.Col>
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};

const Payments = () => (
  <Section title="resources.orders.fields.payments">
    <EmbeddedTable source="payments" resource="payments">
      <DataTable bulkActionButtons={false} empty={<EmptyText text="sitecare.orders.no_payments" />}>
        <DataTable.Col source="provider" field={PaymentProviderField} />
        <DataTable.Col source="method" field={PaymentMethodField} />
        <DataTable.Col source="status" field={PaymentStatusField} />
        <DataTable.Col source="amountMinor">
          <MoneyField source="amountMinor" />
        </DataTable.Col>
        <DataTable.Col source="paidAt">
          <DateField source="paidAt" showTime emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="viaMandate" field={BooleanField} />
        <DataTable.Col source="failureReason">
          <PaymentFailureField />
        </DataTable.Col>
      </DataTable>
    </EmbeddedTable>
  </Section>
);

const Refunds = () => (
  <Section title="resources.orders.fields.refunds">
    <EmbeddedTable source="refunds" resource="refunds">
      <DataTable bulkActionButtons={false} empty={<EmptyText text="sitecare.orders.no_refunds" />}>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="amountMinor">
          <MoneyField source="amountMinor" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumChipField source="status" prefix="sitecare.refund_status" colors={{ FAILED: 'error' }} />
        </DataTable.Col>
        <DataTable.Col source="reason" />
      </DataTable>
    </EmbeddedTable>
  </Section>
);

/** Issue 25: an order not paid whose latest payment failed says so at the top, with the reason. */
const PaymentFailed = () => {
  const order = useRecordContext();
  const translate = useTranslate();
  const payments = (order?.payments as { status: string; failureReason?: string | null }[] | undefined) ?? [];
  const latest = payments[payments.length - 1]; // oldest first
  if (!order || order.status === 'PAID' || latest?.status !== 'FAILED') return null;
  return (
    <Alert severity="error" sx={{ mx: 2, mt: 2 }}>
      {translate('sitecare.orders.payment_failed', { reason: failureText(translate, latest.failureReason) })}
    </Alert>
  );
};

/** Issue 19: the order's invoice and credit notes, each a PDF to download. */
const Invoices = () => {
  const translate = useTranslate();
  return (
    <Section title="resources.invoices.name" titleArgs={{ smart_count: 2 }}>
      <EmbeddedTable source="invoices" resource="invoices">
        <DataTable bulkActionButtons={false} empty={<EmptyText text="resources.invoices.empty" />}>
          <DataTable.Col source="number" />
          <DataTable.Col source="kind">
            <FunctionField
              source="kind"
              render={(record: { kind: string }) => translate(`sitecare.invoice_kind.${record.kind}`)}
            />
          </DataTable.Col>
          <DataTable.Col source="issueDate" />
          <DataTable.Col source="totalMinor">
            <MoneyField source="totalMinor" />
          </DataTable.Col>
          <DataTable.Col source="pdfUrl">
            <InvoiceDownload />
          </DataTable.Col>
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};

export default function OrderShow() {
  const role = useViewerRole();
  const embed = [
    'lines',
    'payments',
    'refunds',
    'invoices',
    ...(role === 'CUSTOMER' ? [] : ['customer', 'subscription']),
  ];
  return (
    <Show
      actions={
        <TopToolbar>
          <OrderPayButton />
          <OrderCancelButton />
          <OrderRefundButton />
        </TopToolbar>
      }
      queryOptions={{ meta: { embed } }}
    >
      <PaymentFailed />
      <SimpleShowLayout>
        <NumberField source="number" />
        {role === 'CUSTOMER' ? null : <TextField source="customer.name" label="resources.orders.fields.customer" />}
        <Labeled source="status">
          <OrderStatusField />
        </Labeled>
        <DateField source="createdAt" showTime />
        <DateField source="paidAt" showTime emptyText="–" />
        <DateField source="refundedAt" showTime emptyText="–" />
        {role === 'CUSTOMER' ? null : <TextField source="refundReason" emptyText="–" />}
        <Labeled source="subtotalMinor">
          <OrderMoney source="subtotalMinor" />
        </Labeled>
        <Labeled source="vatMinor">
          <OrderMoney source="vatMinor" />
        </Labeled>
        <Labeled source="totalMinor">
          <OrderMoney source="totalMinor" />
        </Labeled>
        <Labeled source="refundedMinor">
          <OrderMoney source="refundedMinor" />
        </Labeled>
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <Lines />
        <Payments />
        <Refunds />
        <Invoices />
      </Box>
    </Show>
  );
}
