// A ticket as a thread: its messages oldest first, a reply box, and for staff the controls for
// status, priority and assignee. Internal notes reach only staff and contractors (the server never
// sends them to customers); they show on a tinted background with a label.
import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Chip, Paper, Typography } from '@mui/material';
import {
  Labeled,
  RecordContextProvider,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';
import { Section } from '../Section';
import { DueField, TicketChannelField, TicketPriorityField, TicketStatusField } from './SupportTicketFields';
import { TicketControls } from './TicketControls';
import { MessageAttachments, type TicketAttachment } from './TicketAttachments';
import { TicketReply } from './TicketReply';
import { TicketTime } from './TicketTime';
import { DateField } from '../DateField';

interface TicketMessage {
  id: string;
  body: string;
  createdAt: string;
  internal?: boolean;
  authorName?: string | null;
  author?: { name?: string } | null;
  attachments?: TicketAttachment[] | null;
}

const Message = ({ message }: { message: TicketMessage }) => {
  const translate = useTranslate();
  return (
    <Paper
      variant="outlined"
      component="article"
      aria-label={message.internal ? translate('sitecare.tickets.internal_note') : undefined}
      sx={{
        p: 2,
        mb: 1.5,
        ...(message.internal ? { bgcolor: 'warning.light', borderColor: 'warning.main', borderStyle: 'dashed' } : {}),
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="subtitle2">{message.author?.name ?? message.authorName ?? '–'}</Typography>
        <RecordContextProvider value={message}>
          <DateField
            source="createdAt"
            showTime
            variant="caption"
            // On an internal note's orange, grey text falls short of 4.5:1.
            color={message.internal ? 'common.black' : 'text.secondary'}
          />
        </RecordContextProvider>
        {message.internal ? (
          <Chip size="small" icon={<LockIcon />} label={translate('sitecare.tickets.internal_note')} />
        ) : null}
      </Box>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line', color: message.internal ? 'common.black' : undefined }}>
        {message.body}
      </Typography>
      <MessageAttachments attachments={message.attachments} />
    </Paper>
  );
};

const Thread = () => {
  const ticket = useRecordContext();
  const translate = useTranslate();
  const seesTime = useCanRead('SupportTicket.timeEntries');
  if (!ticket) return null;
  const messages = [...((ticket.messages as TicketMessage[] | undefined) ?? [])].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <Box sx={{ p: 2 }}>
      {ticket.passwordFlagged ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('sitecare.tickets.password_flagged')}
        </Alert>
      ) : null}
      <Typography component="h1" variant="h5" sx={{ mb: 1 }}>
        {String(ticket.subject ?? '')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mb: 2 }}>
        <Labeled source="status" resource="supportTickets">
          <TicketStatusField />
        </Labeled>
        <Labeled source="priority" resource="supportTickets">
          <TicketPriorityField />
        </Labeled>
        <Labeled source="channel" resource="supportTickets">
          <TicketChannelField />
        </Labeled>
        <Labeled source="customer" resource="supportTickets">
          <TextField source="customer.name" emptyText="–" />
        </Labeled>
        <Labeled source="site" resource="supportTickets">
          <TextField source="site.domain" emptyText="–" />
        </Labeled>
        <Labeled source="firstResponseDueAt" resource="supportTickets">
          <DueField />
        </Labeled>
      </Box>
      <TicketControls />
      <Section title="sitecare.tickets.thread">
        {messages.map((message) => (
          <Message key={message.id} message={message} />
        ))}
      </Section>
      <TicketReply />
      {seesTime ? <TicketTime /> : null}
    </Box>
  );
};

export default function SupportTicketShow() {
  const seesAssignee = useCanRead('SupportTicket.assignee');
  const seesTime = useCanRead('SupportTicket.timeEntries');
  const embed = [
    'customer',
    'site',
    'messages.author',
    'messages.attachments',
    ...(seesAssignee ? ['assignee'] : []),
    ...(seesTime ? ['timeEntries.user'] : []),
  ];
  return (
    <Show actions={<TopToolbar />} queryOptions={{ meta: { embed } }}>
      <Thread />
    </Show>
  );
}
