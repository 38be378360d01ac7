// The reply box under a thread; staff and contractors may make the reply an internal note.
import SendIcon from '@mui/icons-material/Send';
import { Box, FormControlLabel, Switch, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCreate, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';

export const TicketReply = () => {
  const ticket = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const mayWriteInternal = useCanRead('TicketMessage.internal');
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [create, { isPending }] = useCreate();
  if (!ticket) return null;

  const send = () =>
    create(
      'ticketMessages',
      { data: { ticketId: ticket.id, body: body.trim(), ...(mayWriteInternal ? { internal } : {}) } },
      {
        onSuccess: () => {
          setBody('');
          setInternal(false);
          notify(internal ? 'sitecare.tickets.note_added' : 'sitecare.tickets.reply_sent', { type: 'info' });
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
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
        {mayWriteInternal ? (
          <FormControlLabel
            control={<Switch checked={internal} onChange={(event) => setInternal(event.target.checked)} />}
            label={translate('sitecare.tickets.internal_switch')}
          />
        ) : null}
        <Box sx={{ flex: 1 }} />
        <Button
          type="submit"
          variant="contained"
          label={internal ? 'sitecare.tickets.add_note' : 'sitecare.tickets.send_reply'}
          disabled={isPending || body.trim() === ''}
        >
          <SendIcon />
        </Button>
      </Box>
    </Box>
  );
};
