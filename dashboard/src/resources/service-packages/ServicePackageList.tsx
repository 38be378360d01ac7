import { BooleanField, CreateButton, DataTable, ExportButton, List, TopToolbar } from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';
import { PackageNameField, PricesField, WITH_PRICES } from './ServicePackageFields';
import { csvExporter } from '../../providers/exporter';
import { PhoneList } from '../PhoneList';

const PackageListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export default function ServicePackageList() {
  const seesPrices = useCanRead('ServicePackage.prices');
  return (
    <List
      exporter={csvExporter}
      actions={<PackageListActions />}
      pagination={false}
      perPage={100}
      queryOptions={WITH_PRICES}
    >
      <PhoneList primary={<PackageNameField />} chips={seesPrices ? <PricesField /> : undefined}>
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="name" field={PackageNameField} disableSort />
          <DataTable.Col source="active" disableSort>
            <BooleanField source="active" />
          </DataTable.Col>
          <DataTable.Col source="responseTimeHours" disableSort />
          <DataTable.Col source="supportHoursPerMonth" disableSort />
          {seesPrices ? <DataTable.Col source="prices" field={PricesField} disableSort /> : null}
        </DataTable>
      </PhoneList>
    </List>
  );
}
