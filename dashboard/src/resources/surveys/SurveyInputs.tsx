// The inputs SurveyCreate and SurveyEdit share: titles and questions in Swedish and English. Every
// question is optional for the person answering (P5); choice questions list their options, which
// show only for a choice question (the API ignores options of a free-text one).
import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';

const kindChoices = ['TEXT', 'CHOICE'].map((id) => ({ id, name: `sitecare.survey_question_kind.${id}` }));

export const SurveyInputs = () => (
  <>
    <TextInput source="titleSv" validate={required()} />
    <TextInput source="titleEn" validate={required()} />
    <BooleanInput source="active" />
    <ArrayInput source="questions" validate={required()}>
      <SimpleFormIterator disableReordering>
        <TextInput source="key" label="resources.surveys.fields.key" validate={required()} />
        <SelectInput source="kind" label="resources.surveys.fields.kind" choices={kindChoices} validate={required()} />
        <TextInput source="labelSv" label="resources.surveys.fields.labelSv" validate={required()} />
        <TextInput source="labelEn" label="resources.surveys.fields.labelEn" validate={required()} />
        <FormDataConsumer<{ kind?: string }>>
          {({ scopedFormData }) =>
            scopedFormData?.kind === 'CHOICE' ? (
              <ArrayInput source="choices" label="resources.surveys.fields.choices">
                <SimpleFormIterator inline disableReordering>
                  <TextInput source="value" label="resources.surveys.fields.value" validate={required()} />
                  <TextInput source="labelSv" label="resources.surveys.fields.choiceLabelSv" validate={required()} />
                  <TextInput source="labelEn" label="resources.surveys.fields.choiceLabelEn" validate={required()} />
                </SimpleFormIterator>
              </ArrayInput>
            ) : null
          }
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const surveyDefaults = {
  active: true,
  questions: [{ key: 'q1', kind: 'TEXT', labelSv: '', labelEn: '', choices: [] }],
};
