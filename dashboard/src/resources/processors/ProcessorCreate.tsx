import { Create, SimpleForm } from 'react-admin';

import { ProcessorInputs } from './ProcessorInputs';

export default function ProcessorCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <ProcessorInputs />
      </SimpleForm>
    </Create>
  );
}
