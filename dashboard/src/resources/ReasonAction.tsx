// A record action that asks first and takes a written reason: cancelling a subscription, refunding
// an order. The call is the resource's `update` with `meta.action` (e.g. `subscriptionCancel`,
// `orderRefund`); the server's validation message is shown as it comes.
import { Box, TextField, Typography } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { LabelledButton } from './LabelledButton';

export const ReasonAction = ({
  resource,
  action,
  label,
  icon,
  title,
  titleOptions,
  content,
  reasonLabel,
  required = false,
  done,
}: {
  resource: string;
  action: string;
  label: string;
  icon: ReactElement;
  title: string;
  titleOptions?: Record<string, unknown>;
  /** Already translated: what will happen. */
  content: string;
  reasonLabel: string;
  required?: boolean;
  done: string;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record) return null;
  const close = () => {
    setOpen(false);
    setReason('');
  };
  const confirm = () => {
    if (required && reason.trim().length < 3) return notify('sitecare.common.reason_required', { type: 'warning' });
    update(
      resource,
      { id: record.id, data: { reason: reason.trim() || undefined }, previousData: record, meta: { action } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          close();
          // The cache entry update() refreshed is keyed by its meta; the page reads its own.
          refresh();
          notify(done, { type: 'info' });
        },
        onError: (error) => {
          close();
          notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' });
        },
      },
    );
  };
  return (
    <>
      <LabelledButton label={label} onClick={() => setOpen(true)}>
        {icon}
      </LabelledButton>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={title}
        translateOptions={titleOptions}
        content={
          <Box>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {content}
            </Typography>
            <TextField
              label={translate(reasonLabel)}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required={required}
              fullWidth
              multiline
              minRows={2}
            />
          </Box>
        }
        confirm={label}
        confirmColor="warning"
        onConfirm={confirm}
        onClose={close}
      />
    </>
  );
};
