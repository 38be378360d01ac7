import {
  AutocompleteInput,
  ChipField,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  SingleFieldList,
  TextInput,
  TopToolbar,
} from 'react-admin';

import { EmbeddedTable } from '../EmbeddedTable';
import { CountryField, useCountryChoices } from '../countries';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';

const CustomerListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

/** The customer's sites as chips linking to each site. */
const SitesField = () => (
  <EmbeddedTable source="sites" resource="sites">
    <SingleFieldList linkType="show" empty={<span>–</span>}>
      <ChipField source="domain" size="small" variant="outlined" />
    </SingleFieldList>
  </EmbeddedTable>
);

export default function CustomerList() {
  const countries = useCountryChoices();
  const filters = [
    <TextInput
      key="q"
      source="q"
      label="sitecare.customers.search"
      type="search"
      alwaysOn
      resettable
      sx={{ minWidth: 320 }}
    />,
    <AutocompleteInput
      key="billingCountry"
      source="billingCountry"
      choices={countries}
      translateChoice={false}
      alwaysOn
      sx={{ minWidth: 220 }}
    />,
  ];
  return (
    <List
      exporter={csvExporter}
      filters={filters}
      actions={<CustomerListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      queryOptions={{ meta: { embed: ['sites'] } }}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="organisationNumber" disableSort />
        <DataTable.Col source="billingCountry">
          <CountryField source="billingCountry" />
        </DataTable.Col>
        <DataTable.Col source="sites" field={SitesField} disableSort />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
