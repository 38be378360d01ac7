import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';

interface Question {
  key: string;
  labelSv: string;
  labelEn: string;
  choices: { value: string; labelSv: string; labelEn: string }[];
}

export const SurveyTitleField = (_props: { label?: string }) => {
  const survey = useRecordContext();
  const [locale] = useLocaleState();
  return <span>{String((locale === 'sv' ? survey?.titleSv : survey?.titleEn) ?? '')}</span>;
};

/** One response's answers, each under its question in the UI language. */
export const AnswersField = ({ questions }: { questions: Question[]; label?: string }) => {
  const response = useRecordContext();
  const [locale] = useLocaleState();
  const answers = (response?.answers as { questionKey: string; value: string }[] | undefined) ?? [];
  const label = (sv?: string, en?: string) => (locale === 'sv' ? sv : en);
  return (
    <Box>
      {answers.map((a) => {
        const q = questions.find((question) => question.key === a.questionKey);
        const choice = q?.choices.find((c) => c.value === a.value);
        const question = label(q?.labelSv, q?.labelEn) ?? a.questionKey;
        return (
          <Typography key={a.questionKey} variant="body2">
            <strong>{/[?:]$/.test(question) ? question : `${question}:`}</strong>{' '}
            {choice ? label(choice.labelSv, choice.labelEn) : a.value}
          </Typography>
        );
      })}
    </Box>
  );
};
