// Refunding a paid order in full through its payment provider (admins), with a required reason.
import UndoIcon from '@mui/icons-material/Undo';
import { useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { formatMoney } from '../money';
import { ReasonAction } from '../ReasonAction';

export const OrderRefundButton = () => {
  const order = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'refund', record: order });
  if (!order || !canAccess || order.status !== 'PAID') return null;
  return (
    <ReasonAction
      resource="orders"
      action="refund"
      label="sitecare.orders.refund"
      icon={<UndoIcon />}
      title="sitecare.orders.refund_title"
      titleOptions={{ number: order.number }}
      content={translate('sitecare.orders.refund_content', {
        total: formatMoney(Number(order.totalMinor), String(order.currency), locale),
      })}
      reasonLabel="sitecare.orders.refund_reason"
      required
      done="sitecare.orders.refund_done"
    />
  );
};
