// Issue 19, pay by invoice: an invoice's state as a chip (OPEN, overdue by N days, PAID, CREDITED), and
// its row action: staff mark an open invoice paid (the payment date), the customer pays it by card.
// "Overdue", "payable", what is paid and what remains are the API's computed fields (one rule, in SQL);
// nothing here restates them.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import PaymentIcon from '@mui/icons-material/Payment';
import PriceCheckIcon from '@mui/icons-material/PriceCheck';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Box, Button, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DateInput,
  minValue,
  NumberInput,
  required,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { errorNotice } from '../../providers/errorMessages';
import { ApiError, graphqlRequest } from '../../providers/graphqlRequest';
import { FormDialog } from '../FormDialog';
import { formatMoney } from '../money';
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
  totalMinor?: number;
  currency?: string;
  /** The payments ledger's sums (the API's one rule). */
  paidMinor?: number;
  remainingMinor?: number;
  surplusMinor?: number;
}

/**
 * The invoice's total, and under it what is left to pay of a partly paid one and what was overpaid
 * (the customer's credit): the API's fields, for staff and the customer alike.
 */
export const InvoiceAmountField = () => {
  const invoice = useRecordContext<InvoiceRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!invoice) return null;
  const currency = invoice.currency ?? 'SEK';
  const partly = invoice.payable && !!invoice.paidMinor && (invoice.remainingMinor ?? 0) > 0;
  return (
    <Box>
      <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {formatMoney(invoice.totalMinor, currency, locale)}
      </Typography>
      {partly ? (
        <Typography component="div" variant="caption" color="text.secondary" data-testid="invoice-remaining">
          {translate('sitecare.invoices.paid_so_far', { amount: formatMoney(invoice.paidMinor, currency, locale) })}
          {' · '}
          {translate('sitecare.invoices.remaining', { amount: formatMoney(invoice.remainingMinor, currency, locale) })}
        </Typography>
      ) : null}
      {invoice.surplusMinor ? (
        <Typography component="div" variant="caption" color="text.secondary">
          {translate('sitecare.invoices.surplus', { amount: formatMoney(invoice.surplusMinor, currency, locale) })}
        </Typography>
      ) : null}
    </Box>
  );
};

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

/** Staff: "Mark paid" with the payment date and the amount received (what is left by default), for an invoice that can still be paid. */
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
        {
          id: invoice.id,
          i: { paidOn: String(values.paidOn).slice(0, 10), amountMinor: Math.round(Number(values.amount) * 100) },
        },
      );
    } catch (error) {
      if (error instanceof ApiError) throw { message: error.inputMessage, body: { errors: error.fieldErrors } };
      throw error;
    }
    const whole = Math.round(Number(values.amount) * 100) >= (invoice.remainingMinor ?? 0);
    notify(whole ? 'sitecare.invoices.marked_paid' : 'sitecare.invoices.payment_recorded', {
      messageArgs: { number: invoice.number },
    });
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
        record={{ paidOn: today(), amount: (invoice.remainingMinor ?? invoice.totalMinor ?? 0) / 100 }}
        save={save}
        saveLabel="sitecare.invoices.mark_paid"
      >
        <DateInput source="paidOn" validate={required()} />
        <NumberInput
          source="amount"
          step={0.01}
          validate={[required(), minValue(0.01)]}
          helperText="sitecare.invoices.amount_help"
        />
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
