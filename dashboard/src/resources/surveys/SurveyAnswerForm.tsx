// P5, issue 23: a customer answers a survey in the portal (`surveyAnswer`, linked to their contact).
// Every question is optional; at least one answer is sent. A person whose processing is restricted,
// or who objected, is told so (the API's typed error names the restriction) and nothing is stored.
import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  HttpError,
  RadioButtonGroupInput,
  TextInput,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { errorNotice } from '../../providers/errorMessages';

interface Question {
  key: string;
  kind: 'CHOICE' | 'TEXT';
  labelSv: string;
  labelEn: string;
  choices: { value: string; labelSv: string; labelEn: string }[];
}

const fieldOf = (key: string) => `answer_${key}`;

export function SurveyAnswerForm() {
  const survey = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const [isSuccess, setSuccess] = useState(false);
  const questions = (survey?.questions ?? []) as Question[];
  const label = (q: { labelSv: string; labelEn: string }) => (locale === 'sv' ? q.labelSv : q.labelEn);
  const mutate = async (answers: { questionKey: string; value: string }[]) => {
    setPending(true);
    try {
      await dataProvider.update('surveys', {
        id: survey!.id,
        data: { surveyId: survey!.id, answers },
        previousData: survey!,
        meta: { action: 'answer' },
      });
      setSuccess(true);
    } catch (error) {
      const restriction = error instanceof HttpError ? (error.body?.extensions?.restriction as string) : undefined;
      if (restriction) setRefusal(restriction);
      else notify(errorNotice(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  if (!survey) return null;
  if (isSuccess)
    return (
      <Alert severity="success" role="status">
        {translate('sitecare.survey_answer.thanks')}
      </Alert>
    );
  if (refusal)
    return (
      <Alert severity="info" role="status">
        {translate(`sitecare.survey_answer.refused.${refusal}`)}
      </Alert>
    );

  const submit = (values: Record<string, unknown>) => {
    const answers = questions
      .map((q) => ({ questionKey: q.key, value: String(values[fieldOf(q.key)] ?? '').trim() }))
      .filter((a) => a.value);
    if (!answers.length) {
      notify('sitecare.survey_answer.none', { type: 'warning' });
      return;
    }
    void mutate(answers);
  };

  return (
    <Form onSubmit={submit}>
      <Box component="section" aria-labelledby="survey-answer-heading" sx={{ maxWidth: 640 }}>
        <Typography id="survey-answer-heading" component="h2" variant="h6" gutterBottom>
          {translate('sitecare.survey_answer.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('sitecare.survey_answer.optional')}
        </Typography>
        {questions.map((q) =>
          q.kind === 'CHOICE' ? (
            <RadioButtonGroupInput
              key={q.key}
              source={fieldOf(q.key)}
              label={label(q)}
              choices={q.choices.map((c) => ({ id: c.value, name: label(c) }))}
              translateChoice={false}
              row={false}
            />
          ) : (
            <TextInput key={q.key} source={fieldOf(q.key)} label={label(q)} multiline minRows={2} fullWidth />
          ),
        )}
        <Button type="submit" variant="contained" disabled={isPending}>
          {translate('sitecare.survey_answer.send')}
        </Button>
      </Box>
    </Form>
  );
}
