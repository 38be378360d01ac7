// The audit log: who did what, and whether it was allowed (admins, read-only).
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./AuditEventList')),
  icon: FactCheckIcon,
  recordRepresentation: 'action',
};
