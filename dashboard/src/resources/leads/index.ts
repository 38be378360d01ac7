// Leads from the public contact form, with their consent evidence: staff follow them up.
import ContactMailIcon from '@mui/icons-material/ContactMail';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./LeadList')),
  show: lazy(() => import('./LeadShow')),
  icon: ContactMailIcon,
  recordRepresentation: 'name',
};
