import { Create, SimpleForm } from 'react-admin';

import { SiteInputs, transformSite } from './SiteInputs';

// The customer comes from the page that linked here ("Add site" on a customer), when it did.
export default function SiteCreate() {
  return (
    <Create redirect="show" transform={transformSite}>
      <SimpleForm defaultValues={{ platform: 'WORDPRESS', status: 'ACTIVE' }}>
        <SiteInputs />
      </SimpleForm>
    </Create>
  );
}
