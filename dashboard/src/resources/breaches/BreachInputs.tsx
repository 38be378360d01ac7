// The inputs BreachCreate and BreachEdit share. Every breach is logged; one that is not reported
// carries the reason (the API refuses it without).
import { BooleanInput, DateTimeInput, FormDataConsumer, minValue, NumberInput, required, TextInput } from 'react-admin';

import { parseDateTime } from './isoDateTime';

export const BreachInputs = () => (
  <>
    <DateTimeInput source="awareAt" parse={parseDateTime} validate={required()} />
    <TextInput source="description" multiline minRows={2} validate={required()} />
    <TextInput source="dataCategories" validate={required()} />
    <NumberInput source="approxAffected" min={0} step={1} validate={[required(), minValue(0)]} />
    <TextInput source="consequences" multiline validate={required()} />
    <TextInput source="measures" multiline validate={required()} />
    <BooleanInput source="reportable" />
    <FormDataConsumer>
      {({ formData }) =>
        formData.reportable ? (
          <DateTimeInput source="authorityNotifiedAt" parse={parseDateTime} />
        ) : (
          <TextInput source="notReportableReason" multiline validate={required()} />
        )
      }
    </FormDataConsumer>
    <DateTimeInput source="subjectsNotifiedAt" parse={parseDateTime} />
  </>
);

export const breachDefaults = () => ({ awareAt: new Date().toISOString(), reportable: true, approxAffected: 0 });
