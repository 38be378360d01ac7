// The reply box under a thread; staff and contractors may make the reply an internal note, and choose
// the ticket's status with a public reply (issue 25): wait for the customer, keep open, or close.
import SendIcon from '@mui/icons-material/Send';
import { Box, Button, FormControlLabel, MenuItem, Switch, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { useCreate, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { useCanRead, useViewerRole } from '../../providers/useViewerRole';
import { AttachmentPicker, uploadAttachment } from './TicketAttachments';

/** The statuses a reply may set (the API's REPLY_STATUSES less CLOSED: "close" resolves the ticket). */
const REPLY_STATUSES = ['WAITING_ON_CUSTOMER', 'OPEN', 'RESOLVED'] as const;
type ReplyStatus = (typeof REPLY_STATUSES)[number];

export const TicketReply = () => {
  const ticket = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const mayWriteInternal = useCanRead('TicketMessage.internal');
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  // A contractor's reply keeps the ticket open by default; staff's asks the customer by default.
  const defaultStatus: ReplyStatus = useViewerRole() === 'CONTRACTOR' ? 'OPEN' : 'WAITING_ON_CUSTOMER';
  const [status, setStatus] = useState<ReplyStatus>(defaultStatus);
  const [files, setFiles] = useState<File[]>([]);
  const [create, { isPending }] = useCreate();
  if (!ticket) return null;

  const send = () =>
    create(
      'ticketMessages',
      {
        data: {
          ticketId: ticket.id,
          body: body.trim(),
          ...(mayWriteInternal ? { internal } : {}),
          ...(mayWriteInternal && !internal ? { status } : {}),
        },
      },
      {
        onSuccess: async (message: { id: string }) => {
          // The files go onto the message just written; one refused file does not stop the others.
          const failed: string[] = [];
          for (const file of files)
            await uploadAttachment(message.id, file).catch((error: Error) =>
              failed.push(translate('sitecare.attachments.failed', { name: file.name, reason: error.message })),
            );
          setBody('');
          setInternal(false);
          setStatus(defaultStatus);
          setFiles([]);
          if (failed.length) notify(failed.join(' '), { type: 'warning' });
          else notify(internal ? 'sitecare.tickets.note_added' : 'sitecare.tickets.reply_sent', { type: 'info' });
          refresh();
        },
        onError: (error) => notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' }),
      },
    );

  return (
    <Box component="form" sx={{ mt: 2 }} onSubmit={(event) => (event.preventDefault(), send())}>
      <MuiTextField
        label={translate(internal ? 'sitecare.tickets.note_label' : 'sitecare.tickets.reply_label')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        multiline
        minRows={3}
        fullWidth
      />
      <AttachmentPicker files={files} onChange={setFiles} />
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2, mt: 1 }}>
        {mayWriteInternal ? (
          <FormControlLabel
            control={<Switch checked={internal} onChange={(event) => setInternal(event.target.checked)} />}
            label={translate('sitecare.tickets.internal_switch')}
          />
        ) : null}
        {mayWriteInternal && !internal ? (
          <MuiTextField
            select
            size="small"
            label={translate('sitecare.tickets.reply_status')}
            helperText={translate('sitecare.tickets.reply_status_help')}
            value={status}
            onChange={(event) => setStatus(event.target.value as ReplyStatus)}
            sx={{ minWidth: 240 }}
          >
            {REPLY_STATUSES.map((choice) => (
              <MenuItem key={choice} value={choice}>
                {translate(`sitecare.tickets.reply_statuses.${choice}`)}
              </MenuItem>
            ))}
          </MuiTextField>
        ) : null}
        <Box sx={{ flex: 1 }} />
        {/* MUI's button: its text stays on a phone, where react-admin's shows an icon without a name. */}
        <Button type="submit" variant="contained" startIcon={<SendIcon />} disabled={isPending || body.trim() === ''}>
          {translate(internal ? 'sitecare.tickets.add_note' : 'sitecare.tickets.send_reply')}
        </Button>
      </Box>
    </Box>
  );
};
