// Websites under care. Staff see and manage all of them; for contractors (assigned sites) and
// customers (their own) the list is "My sites".
import PublicIcon from '@mui/icons-material/Public';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SiteList')),
  show: lazy(() => import('./SiteShow')),
  edit: lazy(() => import('./SiteEdit')),
  create: lazy(() => import('./SiteCreate')),
  icon: PublicIcon,
  recordRepresentation: 'domain',
};
