// A form in a dialog, for records edited where they are shown (a customer's contacts, a site's
// credentials and assignments). The API's messages for a field show under that input.
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { Form, type RaRecord, ResourceContextProvider, SaveButton, useNotify, useTranslate } from 'react-admin';
import { LabelledButton } from './LabelledButton';

export interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  /** i18n key of the title, with `titleArgs` for its placeholders. */
  title: string;
  titleArgs?: Record<string, unknown>;
  /** The resource whose field labels the inputs use. */
  resource: string;
  /** The record being edited, or the defaults of a new one. */
  record?: Partial<RaRecord>;
  /** Saves the values; rejects with the data provider's HttpError when the API refuses. */
  save: (values: Record<string, unknown>) => Promise<unknown>;
  saveLabel?: string;
  children: ReactNode;
}

interface ErrorWithFields {
  message?: string;
  body?: { errors?: Record<string, string> };
}

export const FormDialog = ({
  open,
  onClose,
  title,
  titleArgs,
  resource,
  record,
  save,
  saveLabel,
  children,
}: FormDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const titleId = useId();

  const submit = async (values: Record<string, unknown>) => {
    try {
      await save(values);
      onClose();
    } catch (error) {
      const { message, body } = (error ?? {}) as ErrorWithFields;
      if (body?.errors && Object.keys(body.errors).length) return body.errors;
      notify(message || 'ra.notification.http_error', { type: 'error' });
    }
    return undefined;
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <ResourceContextProvider value={resource}>
        {/* Mounted only while open, so every opening starts from the record again. */}
        {open ? (
          <Form record={record} onSubmit={submit}>
            <DialogTitle id={titleId}>{translate(title, titleArgs)}</DialogTitle>
            <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 0 }}>{children}</DialogContent>
            <DialogActions sx={{ px: 3, pb: 2 }}>
              <LabelledButton label="ra.action.cancel" onClick={onClose} />
              <SaveButton label={saveLabel} alwaysEnable />
            </DialogActions>
          </Form>
        ) : null}
      </ResourceContextProvider>
    </Dialog>
  );
};
