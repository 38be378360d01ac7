import { BooleanField, EditButton, NumberField, Show, SimpleShowLayout, TopToolbar } from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';
import { PackageDescriptionField, PackageNameField, PricesField, WITH_PRICES } from './ServicePackageFields';

const PackageShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export default function ServicePackageShow() {
  const seesPrices = useCanRead('ServicePackage.prices');
  return (
    <Show actions={<PackageShowActions />} queryOptions={WITH_PRICES}>
      <SimpleShowLayout>
        <PackageNameField label="resources.servicePackages.fields.name" />
        <PackageDescriptionField label="resources.servicePackages.fields.description" />
        <BooleanField source="active" />
        <BooleanField source="backups" />
        <BooleanField source="updates" />
        <BooleanField source="uptimeMonitoring" />
        <NumberField source="supportHoursPerMonth" />
        <NumberField source="responseTimeHours" />
        {seesPrices ? <PricesField label="resources.servicePackages.fields.prices" /> : null}
      </SimpleShowLayout>
    </Show>
  );
}
