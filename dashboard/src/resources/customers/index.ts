// The agency's clients with their contacts and sites: staff manage them, admins may delete them.
import BusinessIcon from '@mui/icons-material/Business';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./CustomerList')),
  show: lazy(() => import('./CustomerShow')),
  edit: lazy(() => import('./CustomerEdit')),
  create: lazy(() => import('./CustomerCreate')),
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
