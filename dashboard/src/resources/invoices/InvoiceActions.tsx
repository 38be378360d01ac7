// Issue 19, pay by invoice: an invoice's state as a chip (OPEN, overdue by N days, PAID, CREDITED), and
// its row action: staff mark an open invoice paid (the payment date), the customer pays it by card.
// "Overdue" and "payable" are the API's computed fields (one rule, in SQL); nothing here restates them.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import PaymentIcon from '@mui/icons-material/Payment';
import PriceCheckIcon from '@mui/icons-material/PriceCheck';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Button, Chip } from '@mui/material';
import { useState } from 'react';
import { DateInput, required, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { errorNotice } from '../../providers/errorMessages';
import { ApiError, graphqlRequest } from '../../providers/graphqlRequest';
import { FormDialog } from '../FormDialog';
import { RowActionButton } from '../RowActionButton';

export interface InvoiceRecord {
  id: string;
  kind: string;
  number: number;
  status: string;
  overdue?: boolean;
  daysOverdue?: number;
  payable?: boolean;
  dueDate?: string;
}

const ICONS = {
  OPEN: <ScheduleIcon />,
  OVERDUE: <ErrorIcon />,
  PAID: <CheckCircleIcon />,
};

/** The invoice's state; an overdue one says by how many days (`short`: only that it is overdue, for a phone). */
export const InvoiceStateField = ({ short = false }: { short?: boolean }) => {
  const invoice = useRecordContext<InvoiceRecord>();
  const translate = useTranslate();
  if (!invoice || invoice.kind !== 'INVOICE') return null;
  const overdue = !!invoice.overdue;
  const state = overdue ? 'OVERDUE' : invoice.status;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={overdue ? 'error' : state === 'PAID' ? 'success' : 'default'}
      icon={short ? undefined : ICONS[state as keyof typeof ICONS]}
      label={
        overdue
          ? short
            ? translate('sitecare.invoices.overdue')
            : translate('sitecare.invoices.overdue_days', { smart_count: invoice.daysOverdue ?? 0 })
          : translate(`sitecare.invoice_status.${invoice.status}`, { _: invoice.status })
      }
    />
  );
};

const today = () => new Date().toLocaleDateString('sv-SE');

/** Staff: "Mark paid" with the payment date, for an invoice that can still be paid. */
export const MarkPaidButton = () => {
  const invoice = useRecordContext<InvoiceRecord>();
  const refresh = useRefresh();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  if (!invoice?.payable) return null;
  const save = async (values: Record<string, unknown>) => {
    try {
      await graphqlRequest(
        'mutation InvoiceMarkPaid($id: UUID!, $i: InvoiceMarkPaidInput!) { invoiceMarkPaid(id: $id, input: $i) { id status } }',
        { id: invoice.id, i: { paidOn: String(values.paidOn).slice(0, 10) } },
      );
    } catch (error) {
      if (error instanceof ApiError) throw { message: error.inputMessage, body: { errors: error.fieldErrors } };
      throw error;
    }
    notify('sitecare.invoices.marked_paid', { messageArgs: { number: invoice.number } });
    refresh();
  };
  return (
    <>
      <RowActionButton
        label="sitecare.invoices.mark_paid_number"
        labelArgs={{ number: invoice.number }}
        icon={<PriceCheckIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      />
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.invoices.mark_paid_number"
        titleArgs={{ number: invoice.number }}
        resource="invoices"
        record={{ paidOn: today() }}
        save={save}
        saveLabel="sitecare.invoices.mark_paid"
      >
        <DateInput source="paidOn" validate={required()} />
      </FormDialog>
    </>
  );
};

/** The customer: "Pay" an open invoice by card, through the agency's payment provider (`compact`: an icon, for a phone). */
export const PayInvoiceButton = ({ compact = false }: { compact?: boolean }) => {
  const invoice = useRecordContext<InvoiceRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!invoice?.payable) return null;
  const pay = async () => {
    setBusy(true);
    try {
      const { invoicePay } = await graphqlRequest<{ invoicePay: { redirectUrl: string } }>(
        'mutation InvoicePay($id: UUID!) { invoicePay(id: $id) { redirectUrl } }',
        { id: invoice.id },
      );
      window.location.assign(invoicePay.redirectUrl);
    } catch (error) {
      notify(errorNotice(error), { type: 'error' });
      setBusy(false);
    }
  };
  if (compact)
    return (
      <RowActionButton
        label="sitecare.invoices.pay_number"
        labelArgs={{ number: invoice.number }}
        icon={<PaymentIcon />}
        color="primary"
        disabled={busy}
        onClick={(event) => {
          event.stopPropagation();
          void pay();
        }}
      />
    );
  return (
    <Button
      size="small"
      variant="contained"
      startIcon={<PaymentIcon />}
      disabled={busy}
      aria-label={translate('sitecare.invoices.pay_number', { number: invoice.number })}
      onClick={(event) => {
        event.stopPropagation();
        void pay();
      }}
    >
      {translate('sitecare.invoices.pay')}
    </Button>
  );
};
