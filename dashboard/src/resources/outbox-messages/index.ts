// "Sent mail": the outbox, with each message's contents (admins, read-only). The API has no query
// for one message, so the list opens a row in place instead of a show page.
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./OutboxMessageList')),
  icon: MarkEmailReadIcon,
  recordRepresentation: 'subject',
};
