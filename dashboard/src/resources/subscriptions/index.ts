// Care-package subscriptions, read-only apart from cancelling: staff see all, customers their own
// ("My subscriptions"); contractors none.
import AutorenewIcon from '@mui/icons-material/Autorenew';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SubscriptionList')),
  show: lazy(() => import('./SubscriptionShow')),
  icon: AutorenewIcon,
  recordRepresentation: (subscription: { servicePackage?: { nameEn?: string } }) =>
    subscription.servicePackage?.nameEn ?? '',
};
