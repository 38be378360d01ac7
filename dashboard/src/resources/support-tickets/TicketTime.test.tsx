// M12: time on a ticket in the ticket view, and a customer's support hours, rendered inside
// react-admin with the API answered at the network boundary.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { SupportHours } from '../customers/SupportHours';
import { TicketTime, formatMinutes } from './TicketTime';

const ticket = {
  id: 't1',
  subject: 'Uppdatera öppettider',
  timeEntries: [
    { id: 'e2', minutes: 45, note: 'Svarade kunden', spentAt: '2026-12-06T10:00:00Z', user: { name: 'Erik' } },
    { id: 'e1', minutes: 30, note: '', spentAt: '2026-12-05T10:00:00Z', user: { name: 'Mikael' } },
  ],
};

describe('M12: time on a ticket', () => {
  it('lists the entries with their total, and logs time with the ticket, minutes and note (sv)', async () => {
    const api = fakeApi(() => ({ data: { ticketTimeEntryCreate: { id: 'e3' } } }));
    renderInAdmin(<TicketTime />, { locale: 'sv', record: ticket });
    expect(screen.getByRole('heading', { name: 'Nedlagd tid' })).toBeInTheDocument();
    expect(screen.getByText('Svarade kunden')).toBeInTheDocument();
    expect(screen.getByText('Totalt: 1 h 15 min')).toBeInTheDocument();
    const user = userEvent.setup();
    const log = screen.getByRole('button', { name: 'Registrera tid' });
    expect(log).toBeDisabled(); // no minutes yet
    await user.type(screen.getByRole('spinbutton', { name: 'Minuter' }), '20');
    await user.type(screen.getByRole('textbox', { name: 'Vad som gjordes' }), 'Bytte bild');
    await user.click(log);
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].variables).toEqual({ t: 't1', i: { minutes: 20, note: 'Bytte bild' } });
    expect(await screen.findByText('Tiden har registrerats')).toBeInTheDocument();
  });

  it('says so when nothing is logged (en)', () => {
    renderInAdmin(<TicketTime />, { locale: 'en', record: { id: 't2', timeEntries: [] } });
    expect(screen.getByText('No time logged yet.')).toBeInTheDocument();
  });

  it('formats minutes as hours and minutes', () => {
    expect([5, 60, 75, 600].map(formatMinutes)).toEqual(['5 min', '1 h', '1 h 15 min', '10 h']);
  });
});

describe("M12: a customer's support hours", () => {
  it('shows this month against the package and the months before, over-use marked (en)', async () => {
    const api = fakeApi(() => ({
      data: {
        customer: {
          supportHours: [
            { month: '2026-11', minutesUsed: 150, hoursIncluded: 2 },
            { month: '2026-12', minutesUsed: 75, hoursIncluded: 2 },
          ],
        },
      },
    }));
    renderInAdmin(<SupportHours customerId="c1" />, { locale: 'en' });
    expect(await screen.findByText('1 h 15 min of 2 h used this month')).toBeInTheDocument();
    expect(screen.getByText('Over by 30 min')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'December 2026' })).toBeInTheDocument();
    expect(api.calls[0].variables).toEqual({ id: 'c1' });
  });
});
