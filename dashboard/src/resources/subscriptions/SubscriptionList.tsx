import { DataTable, List, SelectInput, TextField } from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { subscriptionStatusChoices } from '../choices';
import { IntervalField, PaymentProviderField } from '../orders/OrderFields';
import {
  NextChargeField,
  PackageNameField,
  SubscriptionPriceField,
  SubscriptionStatusField,
} from './SubscriptionFields';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';
import { PhoneList } from '../PhoneList';

const filters = [<SelectInput key="status" source="status" choices={subscriptionStatusChoices} alwaysOn />];

export default function SubscriptionList() {
  const role = useViewerRole();
  const own = role === 'CUSTOMER';
  return (
    <List
      exporter={csvExporter}
      title={own ? 'sitecare.subscriptions.my_subscriptions' : undefined}
      filters={filters}
      perPage={25}
      actions={<ListExportActions />}
      queryOptions={{
        meta: { embed: own ? ['servicePackage.prices'] : ['servicePackage.prices', 'customer'] },
      }}
    >
      <PhoneList
        primary={<PackageNameField />}
        chips={<SubscriptionStatusField />}
        secondary={[
          <SubscriptionPriceField key="price" />,
          <NextChargeField key="next" />,
          own ? null : <TextField key="customer" source="customer.name" />,
        ]}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="servicePackage" disableSort>
            <PackageNameField />
          </DataTable.Col>
          {own ? null : (
            <DataTable.Col source="customer" disableSort>
              <TextField source="customer.name" />
            </DataTable.Col>
          )}
          <DataTable.Col source="interval" field={IntervalField} disableSort />
          <DataTable.Col source="status" field={SubscriptionStatusField} disableSort />
          <DataTable.Col source="price" label="resources.subscriptions.fields.price" disableSort>
            <SubscriptionPriceField />
          </DataTable.Col>
          <DataTable.Col source="nextCharge" label="resources.subscriptions.fields.nextCharge" disableSort>
            <NextChargeField />
          </DataTable.Col>
          {/* Issue 25: which provider is a technical detail, for staff. */}
          {own ? null : <DataTable.Col source="provider" field={PaymentProviderField} disableSort />}
        </DataTable>
      </PhoneList>
    </List>
  );
}
