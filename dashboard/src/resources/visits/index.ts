// P11: the visit log (page views with browser, OS and IP), for staff.
import TimelineIcon from '@mui/icons-material/Timeline';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./VisitList')),
  icon: TimelineIcon,
  recordRepresentation: 'path',
};
