// A survey and its answers (P5): the answers come from `surveyResponses(filter: { surveyId })`.
import {
  BooleanField,
  DataTable,
  EditButton,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';

import { EnumChipField } from '../EnumChipField';
import { SurveyAnswerForm } from './SurveyAnswerForm';
import { AnswersField, SurveyTitleField } from './SurveyFields';
import { DateField } from '../DateField';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const ChannelField = () => <EnumChipField source="channel" prefix="sitecare.survey_channel" />;

const Responses = () => {
  const survey = useRecordContext();
  const questions = (survey?.questions ?? []) as Parameters<typeof AnswersField>[0]['questions'];
  return (
    <Labeled label="sitecare.registers.responses" fullWidth>
      <ReferenceManyField
        reference="surveyResponses"
        target="surveyId"
        perPage={25}
        pagination={<Pagination />}
        queryOptions={{ meta: { embed: ['contact', 'answers'] } }}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="createdAt" disableSort>
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="channel" field={ChannelField} disableSort />
          <DataTable.Col source="contact" disableSort>
            <TextField source="contact.name" emptyText="–" />
          </DataTable.Col>
          <DataTable.Col source="email" disableSort />
          <DataTable.Col source="answers" disableSort>
            <AnswersField questions={questions} />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
};

/** Staff read the answers; a customer (who may answer, not read others' answers) gets the form. */
export default function SurveyShow() {
  const { canAccess: readsAnswers } = useCanAccess({ resource: 'surveyResponses', action: 'list' });
  const { canAccess: answers } = useCanAccess({ resource: 'surveys', action: 'answer' });
  return (
    <Show actions={<Actions />} queryOptions={{ meta: { embed: ['questions.choices'] } }}>
      <SimpleShowLayout>
        <SurveyTitleField label="resources.surveys.fields.title" />
        {readsAnswers ? <BooleanField source="active" /> : null}
        {readsAnswers ? <Responses /> : answers ? <SurveyAnswerForm /> : null}
      </SimpleShowLayout>
    </Show>
  );
}
