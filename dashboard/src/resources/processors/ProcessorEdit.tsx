import { Edit, SimpleForm } from 'react-admin';

import { ProcessorInputs } from './ProcessorInputs';

export default function ProcessorEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <ProcessorInputs />
      </SimpleForm>
    </Edit>
  );
}
