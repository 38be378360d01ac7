// The staff workflow on a request: verify the identity, start, extend (with a reason), carry out, reject
// (with a reason). Each is the resource's update with `meta.action` (privacyRequestVerify, …).
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import BlockIcon from '@mui/icons-material/Block';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import UpdateIcon from '@mui/icons-material/Update';
import { Button, TopToolbar, useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';

import { ConfirmAction } from '../ConfirmAction';
import { ReasonAction } from '../ReasonAction';

const OPEN = ['RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS'];

const StepButton = ({
  action,
  when,
  icon,
  title,
  content,
}: {
  action: 'verify' | 'start' | 'complete';
  when: string[];
  icon: React.ReactElement;
  title?: string;
  content?: string;
}) => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: 'privacyRequests', action, record });
  if (!record || !canAccess || !when.includes(String(record.status))) return null;
  return (
    <ConfirmAction
      trigger={(open) => (
        <Button label={`sitecare.privacy.${action}`} onClick={open}>
          {icon}
        </Button>
      )}
      title={title ?? `sitecare.privacy.${action}`}
      content={content ?? `sitecare.privacy.${action}`}
      confirmLabel={`sitecare.privacy.${action}`}
      run={() =>
        dataProvider.update('privacyRequests', { id: record.id, data: {}, previousData: record, meta: { action } })
      }
      done={`sitecare.privacy.${action}_done`}
    />
  );
};

const WithReason = ({ action }: { action: 'extend' | 'reject' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'privacyRequests', action, record });
  if (!record || !canAccess || !OPEN.includes(String(record.status))) return null;
  if (action === 'extend' && record.extendedAt) return null;
  return (
    <ReasonAction
      resource="privacyRequests"
      action={action}
      label={`sitecare.privacy.${action}`}
      icon={action === 'extend' ? <UpdateIcon /> : <BlockIcon />}
      title={`sitecare.privacy.${action}_title`}
      content={translate(`sitecare.privacy.${action}_content`)}
      reasonLabel={`sitecare.privacy.${action}_reason`}
      required
      done={`sitecare.privacy.${action}_done`}
    />
  );
};

export const PrivacyRequestActions = () => (
  <TopToolbar>
    <StepButton action="verify" when={['RECEIVED']} icon={<CheckIcon />} />
    <StepButton action="start" when={['IDENTITY_VERIFIED']} icon={<PlayArrowIcon />} />
    <WithReason action="extend" />
    <StepButton
      action="complete"
      when={['IDENTITY_VERIFIED', 'IN_PROGRESS']}
      icon={<DoneAllIcon />}
      title="sitecare.privacy.complete_title"
      content="sitecare.privacy.complete_content"
    />
    <WithReason action="reject" />
  </TopToolbar>
);
