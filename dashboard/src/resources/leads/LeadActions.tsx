// Following up a lead: mark it contacted, archive it, or convert it into a customer (and go there).
// Each after a confirmation.
import ArchiveIcon from '@mui/icons-material/Archive';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PhoneIcon from '@mui/icons-material/Phone';
import { type ReactElement, useState } from 'react';
import {
  Button,
  Confirm,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
} from 'react-admin';

type LeadAction = 'contacted' | 'archive' | 'convert';

const ICONS: Record<LeadAction, ReactElement> = {
  contacted: <PhoneIcon />,
  archive: <ArchiveIcon />,
  convert: <PersonAddIcon />,
};

const LeadActionButton = ({ action }: { action: LeadAction }) => {
  const lead = useRecordContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({
    resource: 'leads',
    action: action === 'convert' ? 'convert' : 'updateStatus',
    record: lead,
  });
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!lead || !canAccess) return null;
  if (lead.status === 'CONVERTED') return null;
  if (action === 'contacted' && lead.status !== 'NEW') return null;
  if (action === 'archive' && lead.status === 'ARCHIVED') return null;

  const confirm = async () => {
    setPending(true);
    try {
      // Through the data provider, not useUpdate: leadConvert answers with a Customer, which must
      // not land in the leads cache.
      const { data } = await dataProvider.update('leads', {
        id: lead.id,
        data: action === 'convert' ? {} : { status: action === 'archive' ? 'ARCHIVED' : 'CONTACTED' },
        previousData: lead,
        meta: { action: action === 'convert' ? 'convert' : 'updateStatus' },
      });
      setOpen(false);
      notify(`sitecare.leads.${action}_done`, { type: 'info', messageArgs: { name: lead.name } });
      if (action === 'convert') redirect('show', 'customers', data.id);
      else refresh();
    } catch (error) {
      setOpen(false);
      notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label={`sitecare.leads.${action}`} onClick={() => setOpen(true)}>
        {ICONS[action]}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={`sitecare.leads.${action}_title`}
        content={`sitecare.leads.${action}_content`}
        translateOptions={{ name: lead.name, company: lead.company ?? lead.name }}
        confirm={`sitecare.leads.${action}`}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const LeadShowActions = () => (
  <TopToolbar>
    <LeadActionButton action="contacted" />
    <LeadActionButton action="archive" />
    <LeadActionButton action="convert" />
  </TopToolbar>
);
