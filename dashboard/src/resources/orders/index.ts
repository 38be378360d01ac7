// Orders of care packages, read-only: staff see all, customers their own ("My orders").
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./OrderList')),
  show: lazy(() => import('./OrderShow')),
  icon: ReceiptLongIcon,
  recordRepresentation: (order: { number?: number }) => `#${order.number ?? ''}`,
};
