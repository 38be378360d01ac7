import { Create, SimpleForm } from 'react-admin';

import { currentViewer } from '../../providers/authProvider';
import { CustomerInputs } from './CustomerInputs';

export default function CustomerCreate() {
  // Most customers are billed in the agency's own country.
  const defaults = { billingCountry: currentViewer()?.tenant.country ?? 'SE' };
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <CustomerInputs />
      </SimpleForm>
    </Create>
  );
}
