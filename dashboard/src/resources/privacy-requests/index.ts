// Data subject requests (P28, P30): staff see them by due date and carry them out.
import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PrivacyRequestList')),
  show: lazy(() => import('./PrivacyRequestShow')),
  create: lazy(() => import('./PrivacyRequestCreate')),
  icon: PrivacyTipIcon,
  recordRepresentation: 'requesterEmail',
};
