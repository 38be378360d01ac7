// The survey editor: a question's options show only for a choice question, the nested questions and
// options reach the data provider as the API's input expects, and the API's message about a question's
// options shows in the form.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Create, type CreateParams, type DataProvider, HttpError, SimpleForm } from 'react-admin';

import { renderInAdmin } from '../../testing/render';
import { surveyDefaults, SurveyInputs } from './SurveyInputs';

const editor = () => (
  <Create resource="surveys" redirect={false}>
    <SimpleForm defaultValues={surveyDefaults}>
      <SurveyInputs />
    </SimpleForm>
  </Create>
);

async function fillSurvey(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Title (Swedish)' }), 'Hur nöjd är du?');
  await user.type(screen.getByRole('textbox', { name: 'Title (English)' }), 'How happy are you?');
  await user.type(screen.getByRole('textbox', { name: 'Question (Swedish)' }), 'Betyg');
  await user.type(screen.getByRole('textbox', { name: 'Question (English)' }), 'Rating');
}

async function makeChoiceQuestion(user: ReturnType<typeof userEvent.setup>) {
  expect(screen.queryByText('Choices')).not.toBeInTheDocument(); // a free-text question has none
  await user.click(screen.getByRole('combobox', { name: /Type/ }));
  await user.click(await screen.findByRole('option', { name: 'Choice' }));
  await screen.findByText('Choices');
}

it('shows options only for a choice question and saves questions with their options', async () => {
  const create = jest.fn(async (_resource: string, params: CreateParams) => ({ data: { ...params.data, id: 's1' } }));
  renderInAdmin(editor(), { dataProvider: { create: create as unknown as DataProvider['create'] } });
  const user = userEvent.setup();
  await fillSurvey(user);
  await makeChoiceQuestion(user);
  // The options' own list inside the first question (its Add button, not the questions' one).
  const options = document.querySelector<HTMLElement>('[class~="ra-input-questions.0.choices"]')!;
  for (const [value, sv, en] of [
    ['happy', 'Nöjd', 'Happy'],
    ['unhappy', 'Missnöjd', 'Unhappy'],
  ]) {
    await user.click(within(options).getByRole('button', { name: 'Add' }));
    await user.type(within(options).getAllByRole('textbox', { name: 'Value' }).at(-1)!, value);
    await user.type(within(options).getAllByRole('textbox', { name: 'Option (Swedish)' }).at(-1)!, sv);
    await user.type(within(options).getAllByRole('textbox', { name: 'Option (English)' }).at(-1)!, en);
  }
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
  expect(create.mock.calls[0][1].data).toMatchObject({
    titleSv: 'Hur nöjd är du?',
    titleEn: 'How happy are you?',
    active: true,
    questions: [
      {
        key: 'q1',
        kind: 'CHOICE',
        labelSv: 'Betyg',
        labelEn: 'Rating',
        choices: [
          { value: 'happy', labelSv: 'Nöjd', labelEn: 'Happy' },
          { value: 'unhappy', labelSv: 'Missnöjd', labelEn: 'Unhappy' },
        ],
      },
    ],
  });
});

it("shows the API's message about a question's options in the form", async () => {
  const create = jest.fn(async () => {
    throw new HttpError('A choice question needs at least two choices', 400, {
      errors: { 'questions.0.choices': 'A choice question needs at least two choices' },
    });
  });
  renderInAdmin(editor(), { dataProvider: { create } });
  const user = userEvent.setup();
  await fillSurvey(user);
  await makeChoiceQuestion(user);
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
  const messages = await screen.findAllByText('A choice question needs at least two choices');
  expect(messages.length).toBeGreaterThan(0);
  expect(within(document.body).queryByText('Choices')).toBeInTheDocument();
});
