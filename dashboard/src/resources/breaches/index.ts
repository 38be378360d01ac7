// S26: the breach log with its 72-hour notification deadline: admins record, staff read.
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./BreachList')),
  edit: lazy(() => import('./BreachEdit')),
  create: lazy(() => import('./BreachCreate')),
  icon: ReportProblemIcon,
  recordRepresentation: 'description',
};
