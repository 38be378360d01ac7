import { DeleteButton, Edit, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';

import { SiteInputs, transformSite } from './SiteInputs';

const SiteEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Delete hides itself from employees (admins only); its confirmation says what goes with the site.
const SiteEditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export default function SiteEdit() {
  return (
    // The embedded customer and package give the record its customerId and servicePackageId.
    <Edit
      actions={<SiteEditActions />}
      mutationMode="pessimistic"
      redirect="show"
      transform={transformSite}
      queryOptions={{ meta: { embed: ['customer', 'servicePackage'] } }}
    >
      <SimpleForm toolbar={<SiteEditToolbar />}>
        <SiteInputs />
      </SimpleForm>
    </Edit>
  );
}
