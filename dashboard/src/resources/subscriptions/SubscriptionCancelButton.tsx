// Cancelling an active subscription, after a confirmation with an optional reason. The paid period
// runs to its end; the subscription just does not renew.
import CancelIcon from '@mui/icons-material/Cancel';
import { Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';

import { packageName } from './SubscriptionFields';

const formatDate = (value: unknown, locale: string) =>
  value ? new Date(String(value)).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }) : '–';

export const SubscriptionCancelButton = () => {
  const subscription = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const { canAccess } = useCanAccess({ resource: 'subscriptions', action: 'cancel', record: subscription });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!subscription || !canAccess || subscription.status !== 'ACTIVE') return null;

  const close = () => {
    setOpen(false);
    setReason('');
  };
  const confirm = () =>
    update(
      'subscriptions',
      {
        id: subscription.id,
        data: { reason: reason.trim() || undefined },
        previousData: subscription,
        meta: { action: 'cancel' },
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          close();
          // The cache entry update() refreshed is keyed by its meta; the page reads its own.
          refresh();
          notify('sitecare.subscriptions.cancel_done', { type: 'info' });
        },
        onError: (error) => {
          close();
          notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' });
        },
      },
    );

  return (
    <>
      <Button label="sitecare.subscriptions.cancel" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="sitecare.subscriptions.cancel_title"
        translateOptions={{ name: packageName(subscription.servicePackage, locale) }}
        content={
          <Box>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('sitecare.subscriptions.cancel_content', {
                end: formatDate(subscription.currentPeriodEnd, locale),
              })}
            </Typography>
            <TextField
              label={translate('sitecare.subscriptions.cancel_reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              fullWidth
              multiline
              minRows={2}
            />
          </Box>
        }
        confirm="sitecare.subscriptions.cancel"
        confirmColor="warning"
        onConfirm={confirm}
        onClose={close}
      />
    </>
  );
};
