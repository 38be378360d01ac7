// The data provider turns react-admin's calls into the API's operations, as the committed SDL and the
// permission matrix describe them, and the API's errors into what react-admin's screens show.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type FieldNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { Create, HttpError, SimpleForm, TextInput } from 'react-admin';

import { badInput, fakeApi } from '../testing/fakeApi';
import { renderInAdmin } from '../testing/render';
import { setViewer, type Viewer } from './authProvider';
import { dataProvider } from './dataProvider';

const viewerAs = (role: Viewer['role']): Viewer => ({
  user: { id: 'u1', email: 'a@example.com', name: 'A', role, status: 'ACTIVE', preferredLanguage: 'en' },
  tenant: {
    id: 't1',
    name: 'JJ Media',
    slug: 'jj-media',
    country: 'SE',
    privacyContactEmail: 'privacy@example.com',
    supervisoryAuthorityName: 'IMY',
    supervisoryAuthorityUrl: 'https://www.imy.se',
    defaultLanguage: 'sv',
  },
  role,
  operations: [],
  pendingStep: null,
  secondFactor: { totp: false, passkeys: 0, recoveryCodesLeft: 0, required: false },
});

/** The field names selected directly under the field at `path` (aliases as written: `data`). */
function selected(query: string, ...path: string[]): string[] {
  let selections = (parse(query).definitions[0] as OperationDefinitionNode).selectionSet.selections;
  for (const step of path) {
    const field = selections.find(
      (node): node is FieldNode => node.kind === Kind.FIELD && (node.alias?.value ?? node.name.value) === step,
    );
    if (!field?.selectionSet) throw new Error(`No selection under ${path.join('.')} in ${query}`);
    selections = field.selectionSet.selections;
  }
  return selections.filter((node): node is FieldNode => node.kind === Kind.FIELD).map((node) => node.name.value);
}

beforeEach(() => setViewer(viewerAs('EMPLOYEE')));

describe('lists', () => {
  it('asks for one page with the filter and sort the API declares, and returns nodes and total', async () => {
    const api = fakeApi(() => ({
      data: { data: { nodes: [{ id: 'c1', name: 'Bageriet', __typename: 'Customer' }], totalCount: 51 } },
    }));
    const result = await dataProvider.getList('customers', {
      pagination: { page: 2, perPage: 50 },
      sort: { field: 'name', order: 'DESC' },
      filter: { q: 'bag', ignoredEmpty: '' },
    });
    expect(result.total).toBe(51);
    expect(result.data.map((record) => record.id)).toEqual(['c1']);
    expect(api.calls).toHaveLength(1);
    const [call] = api.calls;
    expect(call.query).toMatch(/data: customers\(/);
    expect(call.variables).toEqual({
      filter: { q: 'bag' },
      sort: { field: 'name', order: 'DESC' },
      page: { take: 50, skip: 50 },
    });
  });

  it('refuses a filter the API does not declare, without a request', async () => {
    const api = fakeApi(() => ({ data: null }));
    await expect(
      dataProvider.getList('customers', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'name', order: 'ASC' },
        filter: { password: 'x' },
      }),
    ).rejects.toThrow(/cannot be filtered by password/);
    expect(api.calls).toHaveLength(0);
  });

  it('selects only the fields the role may read: staff get Customer.notes, a contractor never asks for it', async () => {
    const api = fakeApi(() => ({ data: { data: { id: 'c1', name: 'Bageriet' } } }));
    await dataProvider.getOne('customers', { id: 'c1' });
    expect(selected(api.calls[0].query, 'data')).toEqual(expect.arrayContaining(['name', 'notes']));

    setViewer(viewerAs('CONTRACTOR'));
    await dataProvider.getOne('sites', { id: 's1', meta: { embed: ['customer'] } });
    const query = api.calls[1].query;
    expect(selected(query, 'data', 'customer')).toContain('name');
    expect(selected(query, 'data', 'customer')).not.toContain('notes');
    expect(selected(query, 'data')).not.toContain('assignments');
  });

  it("refuses a call the viewer's role may not make before it reaches the network", async () => {
    setViewer(viewerAs('CUSTOMER'));
    const api = fakeApi(() => ({ data: null }));
    await expect(
      dataProvider.getList('users', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'name', order: 'ASC' },
        filter: {},
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(api.calls).toHaveLength(0);
  });

  it('getMany leaves out records that no longer exist instead of failing the page', async () => {
    fakeApi(({ variables }) =>
      variables.id === 'gone'
        ? { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }], data: null }
        : { data: { data: { id: variables.id, name: 'Bageriet' } } },
    );
    const { data } = await dataProvider.getMany('customers', { ids: ['c1', 'gone'] });
    expect(data.map((record) => record.id)).toEqual(['c1']);
  });
});

describe('writes', () => {
  it('an action in meta calls <singular><Action> with its arguments by name', async () => {
    const api = fakeApi(() => ({ data: { data: { id: 'sub1', status: 'CANCELLED' } } }));
    await dataProvider.update('subscriptions', {
      id: 'sub1',
      data: { reason: 'Moving to another agency' },
      previousData: { id: 'sub1' },
      meta: { action: 'cancel' },
    });
    expect(api.calls[0].query).toMatch(/data: subscriptionCancel\(id: \$id, reason: \$reason\)/);
    expect(api.calls[0].variables).toEqual({ id: 'sub1', reason: 'Moving to another agency' });
  });

  it('an edit sends only the declared input fields that changed, never __typename or read-only fields', async () => {
    const api = fakeApi(() => ({ data: { data: { id: 'c1', name: 'Bageriet AB' } } }));
    await dataProvider.update('customers', {
      id: 'c1',
      data: { id: 'c1', __typename: 'Customer', name: 'Bageriet AB', billingCountry: 'SE', createdAt: '2026-01-01' },
      previousData: { id: 'c1', name: 'Bageriet', billingCountry: 'SE' },
    });
    const input = api.calls[0].variables.input as Record<string, unknown>;
    expect(input).toEqual({ name: 'Bageriet AB' });
  });

  it("maps the API's codes to statuses and BAD_USER_INPUT to per-field errors", async () => {
    fakeApi(() => badInput('name', 'name must be at least 2 characters'));
    const error = await dataProvider
      .create('customers', { data: { name: 'x', billingCountry: 'SE' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, body: { errors: { name: 'name must be at least 2 characters' } } });

    fakeApi(() => ({ errors: [{ message: 'Log in first', extensions: { code: 'UNAUTHENTICATED' } }], data: null }));
    await expect(dataProvider.getOne('customers', { id: 'c1' })).rejects.toMatchObject({ status: 401 });
  });
});

describe('forms', () => {
  it("show the server's validation message under the field it names", async () => {
    fakeApi(() => badInput('name', 'A customer with this name already exists'));
    renderInAdmin(
      <Create resource="customers">
        <SimpleForm>
          <TextInput source="name" />
          <TextInput source="billingCountry" />
        </SimpleForm>
      </Create>,
      { dataProvider },
    );
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /name/i }), 'Bageriet');
    await user.type(screen.getByRole('textbox', { name: /billing country/i }), 'SE');
    await user.click(screen.getByRole('button', { name: /save/i }));
    await waitFor(() => expect(screen.getByText('A customer with this name already exists')).toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: /^name/i })).toHaveAttribute('aria-invalid', 'true');
  });
});
