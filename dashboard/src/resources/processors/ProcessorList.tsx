import { CreateButton, DataTable, ExportButton, List, TopToolbar } from 'react-admin';

import { CountryField } from '../countries';
import { EnumChipField } from '../EnumChipField';
import { DownloadCsvButton } from './DownloadCsvButton';
import { csvExporter } from '../../providers/exporter';

const ProcessorListActions = () => (
  <TopToolbar>
    <DownloadCsvButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

const MechanismField = () => <EnumChipField source="transferMechanism" prefix="sitecare.transfer_mechanism" />;

export default function ProcessorList() {
  return (
    <List exporter={csvExporter} actions={<ProcessorListActions />} perPage={50}>
      <DataTable bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="purpose" disableSort />
        <DataTable.Col source="dataCategories" disableSort />
        <DataTable.Col source="country" disableSort>
          <CountryField source="country" />
        </DataTable.Col>
        <DataTable.Col source="transferMechanism" field={MechanismField} disableSort />
        <DataTable.Col source="contractDate" disableSort />
      </DataTable>
    </List>
  );
}
