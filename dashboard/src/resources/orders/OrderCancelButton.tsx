// Issue 25: cancel an order that waits for payment, for staff and for the customer who bought it. Which
// order may be cancelled is the server's rule, shown by `Order.canCancel`; the button only asks it.
import CancelIcon from '@mui/icons-material/Cancel';
import { Button } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { roleMayCall } from '../../providers/canAccess';
import { graphqlRequest } from '../../providers/graphqlRequest';
import { useViewerRole } from '../../providers/useViewerRole';
import { ConfirmAction } from '../ConfirmAction';

const ORDER_CANCEL = 'mutation OrderCancel($id: UUID!) { orderCancel(id: $id) { id status canCancel } }';

export const OrderCancelButton = () => {
  const order = useRecordContext();
  const translate = useTranslate();
  const role = useViewerRole();
  if (!order?.canCancel || !roleMayCall(role, 'Mutation.orderCancel')) return null;
  const options = { number: order.number };
  return (
    <ConfirmAction
      trigger={(open) => (
        <Button variant="outlined" color="warning" size="small" startIcon={<CancelIcon />} onClick={open}>
          {translate('sitecare.order_cancel.button')}
        </Button>
      )}
      title="sitecare.order_cancel.title"
      content="sitecare.order_cancel.content"
      translateOptions={options}
      confirmLabel="sitecare.order_cancel.confirm"
      run={() => graphqlRequest(ORDER_CANCEL, { id: order.id })}
      done={translate('sitecare.order_cancel.done', options)}
    />
  );
};
