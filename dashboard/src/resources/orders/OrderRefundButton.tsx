// Refunding a paid order through its payment provider (admins), with a required reason: all of what
// is left (the default), an amount, or chosen lines; the remainder is shown. For a subscription's
// order the dialog asks whether to cancel the subscription too.
import UndoIcon from '@mui/icons-material/Undo';
import {
  Box,
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  Button,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';

import { formatMoney } from '../money';

type Mode = 'full' | 'amount' | 'lines';
interface Line {
  id: string;
  description: string;
  quantity: number;
  totalMinor: number;
}

const REFUNDABLE = ['PAID', 'PARTIALLY_REFUNDED'];

/** "12,50" or "12.50" in the order's currency → minor units; NaN when it is not an amount. */
const toMinor = (text: string) => {
  const normalized = text.replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(normalized) ? Math.round(Number(normalized) * 100) : Number.NaN;
};

export const OrderRefundButton = () => {
  const order = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [update, { isPending }] = useUpdate();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('full');
  const [amount, setAmount] = useState('');
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [reason, setReason] = useState('');
  const [cancelSubscription, setCancelSubscription] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'refund', record: order });
  if (!order || !canAccess || !REFUNDABLE.includes(String(order.status))) return null;

  const currency = String(order.currency);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const refundable = Number(order.refundableMinor ?? order.totalMinor);
  const lines = (order.lines ?? []) as Line[];
  const subscription = order.subscription as { id: string; status: string } | null | undefined;
  const asksAboutSubscription = !!subscription && subscription.status !== 'CANCELLED';

  const close = () => {
    setOpen(false);
    setMode('full');
    setAmount('');
    setChosen({});
    setReason('');
    setCancelSubscription(false);
  };
  const confirm = () => {
    if (reason.trim().length < 3) return notify('sitecare.common.reason_required', { type: 'warning' });
    const data: Record<string, unknown> = { reason: reason.trim() };
    if (asksAboutSubscription) data.cancelSubscription = cancelSubscription;
    if (mode === 'amount') {
      const minor = toMinor(amount);
      if (!(minor > 0)) return notify('sitecare.orders.refund_amount_invalid', { type: 'warning' });
      data.amount = minor;
    }
    if (mode === 'lines') {
      const picked = lines.filter((l) => chosen[l.id]).map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
      if (!picked.length) return notify('sitecare.orders.refund_lines_none', { type: 'warning' });
      data.lines = picked;
    }
    update(
      'orders',
      { id: order.id, data, previousData: order, meta: { action: 'refund' } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          close();
          refresh();
          notify('sitecare.orders.refund_done', { type: 'info' });
        },
        onError: (error) => notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' }),
      },
    );
    return undefined;
  };

  return (
    <>
      <Button label="sitecare.orders.refund" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate('sitecare.orders.refund_title', { number: order.number })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('sitecare.orders.refund_remaining', { remaining: money(refundable) })}
          </Typography>
          <FormControl sx={{ mb: 1 }}>
            <FormLabel id={`${titleId}-mode`}>{translate('sitecare.orders.refund_how')}</FormLabel>
            <RadioGroup
              aria-labelledby={`${titleId}-mode`}
              value={mode}
              onChange={(event) => setMode(event.target.value as Mode)}
            >
              <FormControlLabel
                value="full"
                control={<Radio />}
                label={translate('sitecare.orders.refund_mode_full')}
              />
              <FormControlLabel
                value="amount"
                control={<Radio />}
                label={translate('sitecare.orders.refund_mode_amount')}
              />
              <FormControlLabel
                value="lines"
                control={<Radio />}
                label={translate('sitecare.orders.refund_mode_lines')}
              />
            </RadioGroup>
          </FormControl>
          {mode === 'amount' ? (
            <TextField
              label={translate('sitecare.orders.refund_amount', { currency })}
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              inputMode="decimal"
              fullWidth
              sx={{ mb: 2 }}
            />
          ) : null}
          {mode === 'lines' ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', mb: 1 }}>
              {lines.map((line) => (
                <FormControlLabel
                  key={line.id}
                  control={
                    <Checkbox
                      checked={!!chosen[line.id]}
                      onChange={(event) => setChosen({ ...chosen, [line.id]: event.target.checked })}
                    />
                  }
                  label={`${line.description} (${line.quantity} × ${money(line.totalMinor / Math.max(line.quantity, 1))})`}
                  sx={{ overflowWrap: 'anywhere' }}
                />
              ))}
              <Typography variant="caption">{translate('sitecare.orders.refund_lines_vat')}</Typography>
            </Box>
          ) : (
            <Typography variant="body2" sx={{ mb: 2 }}>
              {mode === 'full' ? translate('sitecare.orders.refund_content', { total: money(refundable) }) : null}
            </Typography>
          )}
          {asksAboutSubscription ? (
            <FormControlLabel
              control={
                <Checkbox
                  checked={cancelSubscription}
                  onChange={(event) => setCancelSubscription(event.target.checked)}
                />
              }
              label={translate('sitecare.orders.refund_cancel_subscription')}
              sx={{ mb: 1 }}
            />
          ) : null}
          <TextField
            label={translate('sitecare.orders.refund_reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            fullWidth
            multiline
            minRows={2}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          {/* Text buttons at every width (react-admin's Button is an icon alone on a phone). */}
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton onClick={confirm} disabled={isPending} color="warning" variant="contained">
            {translate('sitecare.orders.refund')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
