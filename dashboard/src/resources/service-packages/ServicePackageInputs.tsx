// The inputs ServicePackageCreate and ServicePackageEdit share. Prices are stored in minor units
// (öre, cent) and entered in major units (kronor, euro).
import {
  ArrayInput,
  BooleanInput,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';

import { billingIntervalChoices, currencyChoices } from '../choices';

const toMajor = (minor: unknown) => (typeof minor === 'number' ? minor / 100 : '');
const toMinor = (major: string | number | null) => {
  if (major === '' || major == null) return null;
  const value = typeof major === 'number' ? major : Number(String(major).replace(',', '.'));
  return Number.isFinite(value) ? Math.round(value * 100) : null;
};

export const ServicePackageInputs = () => (
  <>
    <TextInput source="nameSv" validate={required()} />
    <TextInput source="nameEn" validate={required()} />
    <TextInput source="descriptionSv" multiline minRows={2} />
    <TextInput source="descriptionEn" multiline minRows={2} />
    <BooleanInput source="active" />
    <BooleanInput source="backups" />
    <BooleanInput source="updates" />
    <BooleanInput source="uptimeMonitoring" />
    <NumberInput source="supportHoursPerMonth" min={0} step={1} validate={[required(), minValue(0)]} />
    <NumberInput source="responseTimeHours" min={1} step={1} validate={[required(), minValue(1)]} />
    <ArrayInput source="prices" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <SelectInput source="interval" choices={billingIntervalChoices} validate={required()} />
        <SelectInput source="currency" choices={currencyChoices} translateChoice={false} validate={required()} />
        <NumberInput
          source="amountMinor"
          label="resources.servicePackages.fields.amount"
          format={toMajor}
          parse={toMinor}
          step={0.01}
          validate={[required(), minValue(0)]}
        />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const packageDefaults = {
  active: true,
  backups: true,
  updates: true,
  uptimeMonitoring: false,
  supportHoursPerMonth: 1,
  responseTimeHours: 24,
  prices: [{ interval: 'MONTHLY', currency: 'SEK', amountMinor: null }],
};
