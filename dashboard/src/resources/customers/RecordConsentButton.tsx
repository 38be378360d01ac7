// P13: staff record a consent decision on the person's own instruction (a call, an e-mail, a
// meeting). The API stores it with the method STAFF_ON_INSTRUCTION and the staff member as actor.
// Only purposes whose legal basis is consent are offered: the others need no consent to withdraw.
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Alert } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  RadioButtonGroupInput,
  required,
  SelectInput,
  TextInput,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { roleMayCall } from '../../providers/canAccess';
import { ApiError, graphqlRequest } from '../../providers/graphqlRequest';
import { useViewerRole } from '../../providers/useViewerRole';
import { FormDialog } from '../FormDialog';
import { RowActionButton } from '../RowActionButton';

const RECORD = `mutation ConsentRecord($input: ConsentRecordInput!) {
  consentRecord(input: $input) { id decision }
}`;

const CHANNELS = ['EMAIL', 'PHONE', 'SMS', 'SOCIAL', 'WEB'];

export const RecordConsentButton = () => {
  const contact = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  // Not a conventional action of a resource: the permission of the mutation itself decides.
  const canAccess = roleMayCall(useViewerRole(), 'Mutation.consentRecord');
  const purposes = useGetList(
    'processingPurposes',
    { pagination: { page: 1, perPage: 100 } },
    { enabled: open && canAccess },
  );
  if (!contact || !canAccess) return null;
  const choices = (purposes.data ?? [])
    .filter((purpose) => purpose.legalBasis === 'CONSENT')
    .map((purpose) => ({ id: purpose.key, name: translate(`sitecare.purpose.${purpose.key}`, { _: purpose.key }) }));

  const save = async (values: Record<string, unknown>) => {
    try {
      await graphqlRequest(RECORD, {
        input: {
          contactId: contact.id,
          purposeKey: values.purposeKey,
          channel: values.channel,
          granted: values.decision === 'GRANTED',
          wording: typeof values.wording === 'string' && values.wording.trim() ? values.wording.trim() : undefined,
          ageConfirmed: values.ageConfirmed === true ? true : undefined,
        },
      });
    } catch (error) {
      // FormDialog shows the API's per-field messages under their inputs.
      if (error instanceof ApiError) throw { message: error.inputMessage, body: { errors: error.fieldErrors } };
      throw error;
    }
    notify('sitecare.consent_record.recorded', { type: 'info' });
    refresh();
  };

  return (
    <>
      <RowActionButton label="sitecare.consent_record.record" icon={<HowToRegIcon />} onClick={() => setOpen(true)} />
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.consent_record.title"
        titleArgs={{ name: contact.name }}
        resource="consentEvents"
        record={{ channel: 'EMAIL', decision: 'GRANTED' }}
        save={save}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('sitecare.consent_record.help')}
        </Alert>
        <SelectInput
          source="purposeKey"
          choices={choices}
          isPending={purposes.isPending}
          validate={required()}
          helperText="sitecare.consent_record.only_consent"
        />
        <SelectInput
          source="channel"
          choices={CHANNELS.map((id) => ({ id, name: `sitecare.consent_channel.${id}` }))}
          validate={required()}
        />
        <RadioButtonGroupInput
          source="decision"
          label="resources.consentEvents.fields.granted"
          choices={[
            { id: 'GRANTED', name: 'sitecare.consent_record.granted' },
            { id: 'WITHDRAWN', name: 'sitecare.consent_record.withdrawn' },
          ]}
          validate={required()}
        />
        <TextInput source="wording" multiline minRows={2} />
        <BooleanInput source="ageConfirmed" />
      </FormDialog>
    </>
  );
};
