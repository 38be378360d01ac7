// Issue 18: a held mail (from an address not on the ticket) shows who sent it; staff accept or reject it
// with one call each; a contractor sees the notice without the buttons.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { setViewer, type Viewer } from '../../providers/authProvider';
import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { HeldMail } from './SupportTicketShow';

const message = { id: 'msg-1', body: 'Hej', createdAt: '2026-12-06T10:00:00Z', heldFrom: 'stranger@annan.example.com' };

const viewerAs = (role: Viewer['role']): Viewer =>
  ({
    user: {
      id: 'u1',
      email: 'erik@jj-media.example.com',
      name: 'Erik',
      role,
      status: 'ACTIVE',
      preferredLanguage: 'sv',
    },
    tenant: { id: 't1', name: 'JJ Media', slug: 'jj-media', country: 'SE' },
    role,
    operations: [],
  }) as unknown as Viewer;

it('M12: staff accept a held mail with one call, in Swedish', async () => {
  setViewer(viewerAs('EMPLOYEE'));
  const api = fakeApi(({ query }) =>
    query.includes('ticketMessageAcceptHeld') ? { data: { ticketMessageAcceptHeld: { id: 'msg-1' } } } : { data: null },
  );
  renderInAdmin(<HeldMail message={message} />, { locale: 'sv' });
  expect(screen.getByText(/stranger@annan\.example\.com/)).toHaveTextContent('som inte finns på ärendet');
  await userEvent.setup().click(screen.getByRole('button', { name: 'Godkänn till ärendet' }));
  await waitFor(() => expect(api.calls).toHaveLength(1));
  expect(api.calls[0].variables).toEqual({ id: 'msg-1' });
  expect(await screen.findByText('Mejlet är nu en del av konversationen')).toBeInTheDocument();
});

it('M12: staff reject a held mail', async () => {
  setViewer(viewerAs('ADMIN'));
  const api = fakeApi(({ query }) =>
    query.includes('ticketMessageRejectHeld') ? { data: { ticketMessageRejectHeld: true } } : { data: null },
  );
  renderInAdmin(<HeldMail message={message} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Reject' }));
  await waitFor(() => expect(api.calls).toHaveLength(1));
  expect(api.calls[0].query).toContain('ticketMessageRejectHeld');
  expect(await screen.findByText('The mail has been rejected')).toBeInTheDocument();
});

it('M12: a contractor sees the held mail but cannot decide on it', () => {
  setViewer(viewerAs('CONTRACTOR'));
  fakeApi(() => ({ data: null }));
  renderInAdmin(<HeldMail message={message} />);
  expect(screen.getByText(/stranger@annan\.example\.com/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
});
