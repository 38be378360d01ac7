import { Create, SimpleForm } from 'react-admin';

import { surveyDefaults, SurveyInputs } from './SurveyInputs';

export default function SurveyCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={surveyDefaults}>
        <SurveyInputs />
      </SimpleForm>
    </Create>
  );
}
