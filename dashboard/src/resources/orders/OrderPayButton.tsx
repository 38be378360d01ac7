// Issue 25: "Pay now" on an order waiting for payment: opens the provider's payment page, started by
// the API (orderPay) as every checkout is. Which order may be paid is the server's rule (`Order.canPay`).
import PaymentIcon from '@mui/icons-material/Payment';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';

import { errorNotice } from '../../providers/errorMessages';
import { roleMayCall } from '../../providers/canAccess';
import { graphqlRequest } from '../../providers/graphqlRequest';
import { useViewerRole } from '../../providers/useViewerRole';

const ORDER_PAY = 'mutation OrderPay($id: UUID!) { orderPay(id: $id) }';

export const OrderPayButton = () => {
  const order = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const role = useViewerRole();
  const [busy, setBusy] = useState(false);
  if (!order?.canPay || !roleMayCall(role, 'Mutation.orderPay')) return null;
  const pay = async () => {
    setBusy(true);
    try {
      const { orderPay } = await graphqlRequest<{ orderPay: string }>(ORDER_PAY, { id: order.id });
      window.location.assign(orderPay);
    } catch (error) {
      setBusy(false);
      notify(errorNotice(error), { type: 'error' });
    }
  };
  return (
    <Button variant="contained" size="small" startIcon={<PaymentIcon />} onClick={pay} disabled={busy}>
      {translate('sitecare.orders.pay_now')}
    </Button>
  );
};
