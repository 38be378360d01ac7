// P23: the disclosure log (data handed to authorities or courts): admins only.
import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./DisclosureList')),
  create: lazy(() => import('./DisclosureCreate')),
  icon: GavelIcon,
  recordRepresentation: 'recipient',
};
