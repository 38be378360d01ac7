// P12: processing purposes and their legal basis (staff and customers read them).
import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ProcessingPurposeList')),
  icon: GavelIcon,
  recordRepresentation: 'key',
};
