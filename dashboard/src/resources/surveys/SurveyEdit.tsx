import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

import { SurveyInputs } from './SurveyInputs';

// Surveys are deactivated, not deleted: their answers refer to them.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export default function SurveyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ meta: { embed: ['questions.choices'] } }}>
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <SurveyInputs />
      </SimpleForm>
    </Edit>
  );
}
