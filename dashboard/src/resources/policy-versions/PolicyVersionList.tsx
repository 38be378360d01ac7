// P22: privacy policy versions; an admin publishes a draft (a material change notifies the people
// concerned and asks for their acceptance).
import PublishIcon from '@mui/icons-material/Publish';
import { useState } from 'react';
import {
  BooleanField,
  Button,
  Confirm,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { PhoneList } from '../PhoneList';

const PublishButton = () => {
  const version = useRecordContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'policyVersions', action: 'publish', record: version });
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!version || !canAccess || version.publishedAt) return null;
  const publish = async () => {
    setPending(true);
    try {
      await dataProvider.update('policyVersions', {
        id: version.id,
        data: {},
        previousData: version,
        meta: { action: 'publish' },
      });
      notify('sitecare.policy.published', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setOpen(false);
      setPending(false);
    }
  };
  return (
    <>
      <Button label="sitecare.policy.publish" onClick={() => setOpen(true)}>
        <PublishIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="sitecare.policy.publish_title"
        content={version.materialChange ? 'sitecare.policy.publish_material' : 'sitecare.policy.publish_content'}
        translateOptions={{ version: version.version }}
        onConfirm={publish}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export default function PolicyVersionList() {
  return (
    <List
      exporter={csvExporter}
      perPage={25}
      pagination={false}
      actions={
        <TopToolbar>
          <CreateButton />
          <ExportButton />
        </TopToolbar>
      }
    >
      <PhoneList
        rowClick={false}
        primary={<TextField source="version" />}
        secondary={[
          <TextField key="language" source="language" />,
          <DateField key="published" source="publishedAt" showTime emptyText="–" />,
        ]}
        actions={<PublishButton />}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="version" disableSort>
            <TextField source="version" />
          </DataTable.Col>
          <DataTable.Col source="language" disableSort>
            <TextField source="language" />
          </DataTable.Col>
          <DataTable.Col source="materialChange" disableSort>
            <BooleanField source="materialChange" />
          </DataTable.Col>
          <DataTable.Col source="publishedAt" disableSort>
            <DateField source="publishedAt" showTime emptyText="–" />
          </DataTable.Col>
          <DataTable.Col disableSort>
            <PublishButton />
          </DataTable.Col>
        </DataTable>
      </PhoneList>
    </List>
  );
}
