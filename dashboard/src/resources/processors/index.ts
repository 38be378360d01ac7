// P19, P24: the register of processors (Art. 30): admins keep it, staff read and download it.
import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ProcessorList')),
  edit: lazy(() => import('./ProcessorEdit')),
  create: lazy(() => import('./ProcessorCreate')),
  icon: HandshakeIcon,
  recordRepresentation: 'name',
};
