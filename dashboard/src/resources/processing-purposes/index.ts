// P12: processing purposes and their legal basis (staff and customers read them, admins edit them).
import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ProcessingPurposeList')),
  edit: lazy(() => import('./ProcessingPurposeEdit')),
  icon: GavelIcon,
  recordRepresentation: 'key',
};
