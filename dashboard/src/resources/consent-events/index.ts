// P13: consent events, read-only (the history is append-only): staff see the agency's.
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ConsentEventList')),
  icon: FactCheckIcon,
  recordRepresentation: (event: { purposeKey?: string; decision?: string }) =>
    `${event.purposeKey ?? ''} ${event.decision ?? ''}`,
};
