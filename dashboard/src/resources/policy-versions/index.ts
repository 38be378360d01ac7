// P22: versioned privacy policies: staff draft, admins publish.
import PolicyIcon from '@mui/icons-material/Policy';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PolicyVersionList')),
  create: lazy(() => import('./PolicyVersionCreate')),
  icon: PolicyIcon,
  recordRepresentation: 'version',
};
