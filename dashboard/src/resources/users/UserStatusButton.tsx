// Disable or enable a user, after a confirmation. Hidden where the role may not (admins only) and
// on your own record, which the API refuses anyway.
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useUpdate,
} from 'react-admin';

export const UserStatusButton = () => {
  const record = useRecordContext();
  const resource = useResourceContext() ?? 'users';
  const action = record?.status === 'DISABLED' ? 'enable' : 'disable';
  const { canAccess } = useCanAccess({ resource, action, record });
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate();

  if (!record || !canAccess || record.id === identity?.id) return null;

  const confirm = () =>
    update(
      resource,
      { id: record.id, data: {}, previousData: record, meta: { action } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          // The cache entry update() refreshed is keyed by its meta; the page reads the plain one.
          refresh();
          notify(`sitecare.users.${action}d`, { type: 'info', messageArgs: { name: record.name } });
        },
        onError: (error) => {
          setOpen(false);
          notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' });
        },
      },
    );

  return (
    <>
      <Button
        label={`sitecare.users.${action}`}
        color={action === 'disable' ? 'error' : 'primary'}
        onClick={() => setOpen(true)}
      >
        {action === 'disable' ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`sitecare.users.${action}_title`}
        content={`sitecare.users.${action}_content`}
        translateOptions={{ name: record.name }}
        confirm={`sitecare.users.${action}`}
        confirmColor={action === 'disable' ? 'warning' : 'primary'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
