// Care packages: staff see them all, admins create and edit them, customers see the active ones.
import Inventory2Icon from '@mui/icons-material/Inventory2';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ServicePackageList')),
  show: lazy(() => import('./ServicePackageShow')),
  edit: lazy(() => import('./ServicePackageEdit')),
  create: lazy(() => import('./ServicePackageCreate')),
  icon: Inventory2Icon,
  recordRepresentation: 'nameEn',
};
