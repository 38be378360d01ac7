// ReasonAction through its two real uses: refunding an order (a reason is required) and cancelling a
// subscription (the reason is optional). Nothing is called before the person confirms.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UpdateParams } from 'react-admin';

import { renderInAdmin } from '../testing/render';
import { OrderRefundButton } from './orders/OrderRefundButton';
import { SubscriptionCancelButton } from './subscriptions/SubscriptionCancelButton';

const order = { id: 'o1', number: 1042, status: 'PAID', totalMinor: 149900, currency: 'SEK' };

const updateAnswering = (result: 'ok' | Error) =>
  jest.fn(async (_resource: string, params: UpdateParams) => {
    if (result instanceof Error) throw result;
    return { data: { ...params.previousData, ...params.data, id: params.id } };
  });

describe('M13: refunding part of an order', () => {
  const partly = {
    ...order,
    status: 'PARTIALLY_REFUNDED',
    refundableMinor: 100000,
    lines: [
      { id: 'l1', description: 'Plus, monthly', quantity: 1, totalMinor: 59900 },
      { id: 'l2', description: 'Extra work', quantity: 2, totalMinor: 60000 },
    ],
    subscription: { id: 's1', status: 'ACTIVE' },
  };

  it('M13: shows what is left, refunds an amount in minor units, and asks about the subscription', async () => {
    const update = updateAnswering('ok');
    renderInAdmin(<OrderRefundButton />, { locale: 'sv', record: partly, dataProvider: { update } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Återbetala' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent?.replace(/\s/g, ' ')).toContain('Kvar att återbetala: 1 000,00 kr.');
    await user.click(within(dialog).getByRole('radio', { name: 'Ett belopp' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Belopp (SEK)' }), '125,50');
    await user.click(within(dialog).getByRole('checkbox', { name: /Säg också upp abonnemanget/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Anledning/ }), 'En månad utan support');
    await user.click(within(dialog).getByRole('button', { name: 'Återbetala' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1].data).toEqual({
      reason: 'En månad utan support',
      amount: 12550,
      cancelSubscription: true,
    });
  });

  it('M13: refunds chosen lines, all of each', async () => {
    const update = updateAnswering('ok');
    renderInAdmin(<OrderRefundButton />, { record: { ...partly, subscription: null }, dataProvider: { update } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('checkbox', { name: /subscription/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Chosen lines' }));
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Write a reason first')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /reason/i }), 'Not done');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Choose at least one line')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: /Extra work/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1].data).toEqual({ reason: 'Not done', lines: [{ orderLineId: 'l2', quantity: 2 }] });
  });
});

describe('refunding an order (reason required)', () => {
  it('asks first, with the order number and the amount in the UI language', async () => {
    const update = updateAnswering('ok');
    renderInAdmin(<OrderRefundButton />, { locale: 'sv', record: order, dataProvider: { update } });
    await userEvent.click(screen.getByRole('button', { name: 'Återbetala' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Återbetala beställning #1042?')).toBeInTheDocument();
    expect(dialog.textContent?.replace(/\s/g, ' ')).toContain('1 499,00 kr');
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses to refund without a reason (or with a blank one)', async () => {
    const update = updateAnswering('ok');
    renderInAdmin(<OrderRefundButton />, { record: order, dataProvider: { update } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /reason/i }), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Write a reason first')).toBeInTheDocument();
    expect(dialog).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();
  });

  it('refunds with a reason through orderRefund, trimmed, and says so', async () => {
    const update = updateAnswering('ok');
    renderInAdmin(<OrderRefundButton />, { record: order, dataProvider: { update } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /reason/i }), '  Charged twice  ');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update).toHaveBeenCalledWith(
      'orders',
      expect.objectContaining({ id: 'o1', data: { reason: 'Charged twice' }, meta: { action: 'refund' } }),
    );
    expect(await screen.findByText('The order has been refunded')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it("shows the server's message when the refund fails", async () => {
    const update = updateAnswering(new Error('The payment provider refused the refund'));
    renderInAdmin(<OrderRefundButton />, { record: order, dataProvider: { update } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /reason/i }), 'Charged twice');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('The payment provider refused the refund')).toBeInTheDocument();
  });

  it('is not offered for an order that is not paid', () => {
    const { container } = renderInAdmin(<OrderRefundButton />, { record: { ...order, status: 'REFUNDED' } });
    expect(within(container).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('cancelling a subscription (reason optional)', () => {
  const subscription = {
    id: 'sub1',
    status: 'ACTIVE',
    currentPeriodEnd: '2026-12-31T00:00:00.000Z',
    servicePackage: { id: 'p1', name: 'Care Plus', nameSv: 'Skötsel Plus' },
  };

  it('cancels without a reason, sending none, and closing the dialog leaves it untouched', async () => {
    const update = updateAnswering('ok');
    renderInAdmin(<SubscriptionCancelButton />, { record: subscription, dataProvider: { update } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Cancel subscription' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(update).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Cancel subscription' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('31 December 2026');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1]).toMatchObject({
      id: 'sub1',
      data: { reason: undefined },
      meta: { action: 'cancel' },
    });
    expect(await screen.findByText('The subscription has been cancelled')).toBeInTheDocument();
  });
});
