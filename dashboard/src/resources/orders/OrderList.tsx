import { BooleanInput, DataTable, List, SelectInput, TextField } from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { orderStatusChoices } from '../choices';
import { MoneyField } from '../money';
import { OrderNumberField, OrderStatusField } from './OrderFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';
import { PhoneList } from '../PhoneList';

const filters = [
  <SelectInput key="status" source="status" choices={orderStatusChoices} alwaysOn />,
  // Issue 25: orders whose payment failed (the server's `paymentFailed` filter); off means all orders.
  <BooleanInput
    key="paymentFailed"
    source="paymentFailed"
    label="sitecare.orders.payment_failed_filter"
    parse={(checked: boolean) => (checked ? true : undefined)}
    alwaysOn
  />,
];

export default function OrderList() {
  const role = useViewerRole();
  const own = role === 'CUSTOMER';
  return (
    <List
      exporter={csvExporter}
      title={own ? 'sitecare.orders.my_orders' : undefined}
      filters={filters}
      perPage={25}
      actions={<ListExportActions />}
      queryOptions={{ meta: { embed: own ? [] : ['customer'] } }}
    >
      <PhoneList
        primary={<OrderNumberField />}
        chips={<OrderStatusField />}
        secondary={[
          <MoneyField key="total" source="totalMinor" />,
          own ? null : <TextField key="customer" source="customer.name" />,
          <DateField key="created" source="createdAt" />,
        ]}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="number" disableSort />
          {own ? null : (
            <DataTable.Col source="customer" disableSort>
              <TextField source="customer.name" />
            </DataTable.Col>
          )}
          <DataTable.Col source="status" field={OrderStatusField} disableSort />
          <DataTable.Col source="totalMinor" disableSort>
            <MoneyField source="totalMinor" />
          </DataTable.Col>
          <DataTable.Col source="createdAt" disableSort>
            <DateField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </PhoneList>
    </List>
  );
}
