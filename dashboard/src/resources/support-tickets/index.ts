// Support tickets: every role lists those in its scope (the server decides which); staff manage them.
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SupportTicketList')),
  show: lazy(() => import('./SupportTicketShow')),
  create: lazy(() => import('./SupportTicketCreate')),
  icon: SupportAgentIcon,
  recordRepresentation: 'subject',
};
