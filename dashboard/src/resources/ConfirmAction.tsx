// An action on a record that asks first: a trigger (button), a confirmation dialog, the call, a
// notification, and a refresh. Errors from the API are shown in the UI's language (errorNotice).
import { useState, type ReactElement } from 'react';
import { Confirm, useNotify, useRefresh } from 'react-admin';

import { errorNotice } from '../providers/errorMessages';
import { ApiError } from '../providers/graphqlRequest';

export const ConfirmAction = ({
  trigger,
  title,
  content,
  translateOptions,
  confirmLabel,
  run,
  done,
}: {
  /** The button that opens the dialog. */
  trigger: (open: () => void) => ReactElement;
  title: string;
  content: string;
  translateOptions?: Record<string, unknown>;
  confirmLabel: string;
  /** The call to make once confirmed. */
  run: () => Promise<unknown>;
  /** The message shown when it succeeded, or what to do with the call's result instead (its own notice). */
  done: string | ((result: unknown) => void);
}) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const confirm = async () => {
    setPending(true);
    try {
      const result = await run();
      if (typeof done === 'string') notify(done, { type: 'info' });
      else done(result);
      refresh();
    } catch (error) {
      notify(
        error instanceof ApiError ? errorNotice(error) : (error as Error)?.message || 'ra.notification.http_error',
        {
          type: 'error',
        },
      );
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      {trigger(() => setOpen(true))}
      <Confirm
        isOpen={open}
        loading={pending}
        title={title}
        content={content}
        translateOptions={translateOptions}
        confirm={confirmLabel}
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
