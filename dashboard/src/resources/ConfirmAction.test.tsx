// Destructive actions ask first: nothing runs until the person confirms; cancelling runs nothing; the
// outcome (or the server's message) is shown.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from 'react-admin';

import { renderInAdmin } from '../testing/render';
import { ConfirmAction } from './ConfirmAction';

const endAssignment = (run: () => Promise<unknown>) => (
  <ConfirmAction
    trigger={(open) => <Button label="sitecare.assignments.end" onClick={open} />}
    title="sitecare.assignments.end_title"
    content="sitecare.assignments.end_content"
    translateOptions={{ name: 'Kim Kontraktor', domain: 'bageriet.se' }}
    confirmLabel="sitecare.assignments.end"
    run={run}
    done="sitecare.assignments.ended"
  />
);

it('runs nothing until confirmed, and nothing when cancelled', async () => {
  const run = jest.fn(async () => undefined);
  renderInAdmin(endAssignment(run), { locale: 'sv' });
  const user = userEvent.setup();
  const trigger = screen.getByRole('button', { name: 'Avsluta' });
  await user.click(trigger);
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toHaveTextContent('Kim Kontraktor');
  expect(dialog).toHaveTextContent('bageriet.se');
  await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(run).not.toHaveBeenCalled();

  // Keyboard: closing gives focus back to the trigger, and Enter opens the dialog again.
  expect(trigger).toHaveFocus();
  await user.keyboard('{Enter}');
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Avsluta' }));
  await waitFor(() => expect(run).toHaveBeenCalledTimes(1));
  expect(await screen.findByText('Uppdraget har avslutats')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
});

it("shows the server's message when the action fails, and closes", async () => {
  const run = jest.fn(() => Promise.reject(new Error('The assignment has already ended')));
  renderInAdmin(endAssignment(run));
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'End' }));
  const dialog = await screen.findByRole('dialog', { name: 'End the assignment of Kim Kontraktor?' });
  await user.click(within(dialog).getByRole('button', { name: 'End' }));
  expect(await screen.findByText('The assignment has already ended')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
});
