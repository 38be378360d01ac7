// The seven dashboard operations, each in three forms that must answer with the same data:
// Sitecare's GraphQL as the dashboard's data provider sends it, PostGraphile 5's equivalent, and a
// raw-SQL handler (one statement, json built by PostgreSQL). `params` vary per request (a random
// site or ticket); `normalise` makes the three answers comparable.
import { jsonObject, postgraphileSelection as pgl, replyMailSql, sitecareSelection as sc } from './selection.mjs';

const OPEN = `('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')`;
const list = (sql) => `coalesce((${sql}), '[]'::json)`;

// ---- (a) customer list with contacts, sites and the last 5 orders, page 50, as an admin ----
const customerRaw = (role) =>
  jsonObject('Customer', role, 'c', {
    contacts: list(`select json_agg(${jsonObject('Contact', role, 'k')}) from contacts k where k.customer_id = c.id`),
    sites: list(`select json_agg(${jsonObject('Site', role, 's')}) from sites s where s.customer_id = c.id`),
    latestOrders: list(
      `select json_agg(${jsonObject('Order', role, 'o')}) from (select * from orders o where o.customer_id = c.id
        order by o.created_at desc, o.id desc limit 5) o`,
    ),
  });

// ---- (b) site detail with customer, last 20 orders, open tickets with their last 3 messages ----
const siteRaw = (role) =>
  jsonObject('Site', role, 's', {
    customer: `(select ${jsonObject('Customer', role, 'c')} from customers c where c.id = s.customer_id)`,
    latestOrders: list(
      `select json_agg(${jsonObject('Order', role, 'o')}) from (select * from orders o where o.site_id = s.id
        order by o.created_at desc, o.id desc limit 20) o`,
    ),
    openTickets: list(
      `select json_agg(${jsonObject('SupportTicket', role, 't', {
        latestMessages: list(
          `select json_agg(${jsonObject('TicketMessage', role, 'm')}) from (select * from ticket_messages m
            where m.ticket_id = t.id order by m.created_at desc, m.id desc limit 3) m`,
        ),
      })} order by t.first_response_due_at, t.id) from support_tickets t where t.site_id = s.id and t.status in ${OPEN}`,
    ),
  });

const ASSIGNED = `select site_id from site_assignments where user_id = $1
  and starts_at <= now() and (ends_at is null or ends_at > now())`;

const page = (take) => ({ take, skip: 0 });

export const QUERIES = [
  {
    key: 'a',
    title: 'customers: page of 50 with contacts, sites, last 5 orders',
    role: 'ADMIN',
    sitecare: () => ({
      query: `query Customers($sort: CustomerSort, $page: PageInput) {
        data: customers(sort: $sort, page: $page) {
          nodes { ${sc('Customer', 'ADMIN', ['contacts', 'sites', 'latestOrders'])} } totalCount } }`,
      variables: { sort: { field: 'name', order: 'ASC' }, page: page(50) },
    }),
    postgraphile: () => ({
      query: `query { data: allCustomers(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes {
        ${pgl(
          'Customer',
          'ADMIN',
          `contacts: contactsByCustomerId { nodes { ${pgl('Contact', 'ADMIN')} } }
           sites: sitesByCustomerId { nodes { ${pgl('Site', 'ADMIN')} } }
           latestOrders: ordersByCustomerId(first: 5, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
             nodes { ${pgl('Order', 'ADMIN')} } }`,
        )} } totalCount } }`,
    }),
    raw: () => ({
      text: `select json_build_object('nodes', ${list(
        `select json_agg(${customerRaw('ADMIN')} order by c.name, c.id) from
          (select * from customers order by name, id limit 50) c`,
      )}, 'totalCount', (select count(*) from customers)) as data`,
      values: [],
    }),
  },
  {
    key: 'b',
    title: 'site detail: customer, last 20 orders, open tickets with last 3 messages (random site)',
    role: 'ADMIN',
    sitecare: ({ siteId }) => ({
      query: `query Site($id: UUID!) { data: site(id: $id) {
        ${sc('Site', 'ADMIN', ['customer', 'latestOrders', 'openTickets.latestMessages'])} } }`,
      variables: { id: siteId },
    }),
    // Its look-up by key takes the agency, the key's first column (issue 26).
    postgraphile: ({ siteId, tenantId }) => ({
      query: `query Site($tenantId: UUID!, $id: UUID!) { data: siteByRowId(tenantId: $tenantId, rowId: $id) {
        ${pgl(
          'Site',
          'ADMIN',
          `customer: customerByCustomerId { ${pgl('Customer', 'ADMIN')} }
           latestOrders: ordersBySiteId(first: 20, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
             nodes { ${pgl('Order', 'ADMIN')} } }
           openTickets { nodes { ${pgl(
             'SupportTicket',
             'ADMIN',
             `latestMessages: ticketMessagesByTicketId(first: 3, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
               nodes { ${pgl('TicketMessage', 'ADMIN')} } }`,
           )} } }`,
        )} } }`,
      variables: { tenantId, id: siteId },
    }),
    raw: ({ siteId }) => ({
      text: `select ${siteRaw('ADMIN')} as data from sites s where s.id = $1`,
      values: [siteId],
    }),
  },
  {
    key: 'c',
    title: "tickets: a contractor's list (assigned sites only), page of 25 with customer and site",
    role: 'CONTRACTOR',
    sitecare: () => ({
      query: `query SupportTickets($sort: SupportTicketSort, $page: PageInput) {
        data: supportTickets(sort: $sort, page: $page) {
          nodes { ${sc('SupportTicket', 'CONTRACTOR', ['customer', 'site'])} } totalCount } }`,
      variables: { sort: { field: 'firstResponseDueAt', order: 'ASC' }, page: page(25) },
    }),
    postgraphile: () => ({
      query: `query { data: allSupportTickets(first: 25, orderBy: [FIRST_RESPONSE_DUE_AT_ASC, PRIMARY_KEY_ASC]) {
        nodes { ${pgl(
          'SupportTicket',
          'CONTRACTOR',
          `customer: customerByCustomerId { ${pgl('Customer', 'CONTRACTOR')} }
           site: siteBySiteId { ${pgl('Site', 'CONTRACTOR')} }`,
        )} } totalCount } }`,
    }),
    raw: (_params, claims) => ({
      text: `with mine as (select * from support_tickets where site_id in (${ASSIGNED}))
        select json_build_object('nodes', ${list(
          `select json_agg(${jsonObject('SupportTicket', 'CONTRACTOR', 't', {
            customer: `(select ${jsonObject('Customer', 'CONTRACTOR', 'c')} from customers c where c.id = t.customer_id)`,
            site: `(select ${jsonObject('Site', 'CONTRACTOR', 's')} from sites s where s.id = t.site_id)`,
          })} order by t.first_response_due_at, t.id)
          from (select * from mine order by first_response_due_at, id limit 25) t`,
        )}, 'totalCount', (select count(*) from mine)) as data`,
      values: [claims.userId],
    }),
  },
  {
    key: 'd',
    title: 'mutation: reply to a ticket, with its mail to the requester queued (random ticket)',
    role: 'ADMIN',
    mutation: true,
    sitecare: ({ ticketId, body }) => ({
      query: `mutation TicketMessageCreate($ticketId: UUID!, $input: TicketMessageInput!) {
        data: ticketMessageCreate(ticketId: $ticketId, input: $input) { ${sc('TicketMessage', 'ADMIN')} } }`,
      variables: { ticketId, input: { body, internal: false } },
    }),
    postgraphile: ({ ticketId, body }) => ({
      query: `mutation Reply($id: UUID!, $body: String!) {
        ticketReply(input: { pTicketId: $id, pBody: $body }) { data: result { ${pgl('TicketMessage', 'ADMIN')} } } }`,
      variables: { id: ticketId, body },
    }),
    // The same work as the function PostGraphile calls (see peers.sql), as hand-written statements.
    raw: ({ ticketId, body }, claims) => [
      {
        text: `update support_tickets set first_responded_at = coalesce(first_responded_at, now()), updated_at = now(),
                 status = case when status in ('NEW', 'OPEN') then 'WAITING_ON_CUSTOMER' else status end
               where id = $1`,
        values: [ticketId],
        expectRows: 1,
      },
      {
        // The message and the requester's mail (Sitecare's SQL, selection.mjs replyMailSql).
        text: `with written as (
                 insert into ticket_messages (id, tenant_id, ticket_id, author_user_id, body, internal, password_hints, created_at, updated_at)
                 values (gen_random_uuid(), $2, $1, $3, $4, false, '[]', now(), now()) returning *),
               mailed as (${replyMailSql('written')})
               select ${jsonObject('TicketMessage', 'ADMIN', 'written')} as data from written`,
        values: [ticketId, claims.tenantId, claims.userId, body],
      },
    ],
  },
  {
    key: 'e',
    title: 'home page attention cards: new leads, open tickets, pending orders, past-due subscriptions, active sites',
    role: 'ADMIN',
    sitecare: () => ({
      query: `query Attention {
        leads: leads(filter: { status: NEW }, page: { take: 5, skip: 0 }) { nodes { ${sc('Lead', 'ADMIN')} } totalCount }
        tickets: supportTickets(filter: { status: [NEW, OPEN] }, sort: { field: firstResponseDueAt, order: ASC },
          page: { take: 5, skip: 0 }) { nodes { ${sc('SupportTicket', 'ADMIN', ['customer'])} } totalCount }
        orders: orders(filter: { status: PENDING_PAYMENT }, page: { take: 100, skip: 0 }) {
          nodes { ${sc('Order', 'ADMIN', ['customer'])} } totalCount }
        subscriptions: subscriptions(filter: { status: PAST_DUE }, page: { take: 1, skip: 0 }) {
          nodes { ${sc('PackageSubscription', 'ADMIN')} } totalCount }
        sites: sites(filter: { status: ACTIVE }, sort: { field: domain, order: ASC }, page: { take: 100, skip: 0 }) {
          nodes { ${sc('Site', 'ADMIN', ['backups'])} } totalCount } }`,
    }),
    postgraphile: () => ({
      query: `query Attention {
        leads: allLeads(condition: { status: "NEW" }, first: 5, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
          nodes { ${pgl('Lead', 'ADMIN')} } totalCount }
        tickets: allSupportTickets(filter: { status: { in: ["NEW", "OPEN"] } }, first: 5,
          orderBy: [FIRST_RESPONSE_DUE_AT_ASC, PRIMARY_KEY_ASC]) {
          nodes { ${pgl('SupportTicket', 'ADMIN', `customer: customerByCustomerId { ${pgl('Customer', 'ADMIN')} }`)} } totalCount }
        orders: allOrders(condition: { status: "PENDING_PAYMENT" }, first: 100, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
          nodes { ${pgl('Order', 'ADMIN', `customer: customerByCustomerId { ${pgl('Customer', 'ADMIN')} }`)} } totalCount }
        subscriptions: allPackageSubscriptions(condition: { status: "PAST_DUE" }, first: 1, orderBy: [NEXT_RENEWAL_AT_ASC, PRIMARY_KEY_ASC]) {
          nodes { ${pgl('PackageSubscription', 'ADMIN')} } totalCount }
        sites: allSites(condition: { status: "ACTIVE" }, first: 100, orderBy: [DOMAIN_ASC, PRIMARY_KEY_ASC]) {
          nodes { ${pgl('Site', 'ADMIN', `backups: siteBackupsBySiteId { nodes { ${pgl('SiteBackup', 'ADMIN')} } }`)} } totalCount } }`,
    }),
    raw: () => {
      const card = (from, where, order, take, object) =>
        `json_build_object('nodes', ${list(
          `select json_agg(${object} order by ${order.replaceAll('$', 'x.')}) from
            (select * from ${from} where ${where} order by ${order.replaceAll('$', '')} limit ${take}) x`,
        )}, 'totalCount', (select count(*) from ${from} where ${where}))`;
      const customerOf = (alias) =>
        `(select ${jsonObject('Customer', 'ADMIN', 'c')} from customers c where c.id = ${alias}.customer_id)`;
      return {
        text: `select json_build_object(
          'leads', ${card('leads', `status = 'NEW'`, '$created_at desc, $id desc', 5, jsonObject('Lead', 'ADMIN', 'x'))},
          'tickets', ${card(
            'support_tickets',
            `status in ('NEW', 'OPEN')`,
            '$first_response_due_at, $id',
            5,
            jsonObject('SupportTicket', 'ADMIN', 'x', { customer: customerOf('x') }),
          )},
          'orders', ${card(
            'orders',
            `status = 'PENDING_PAYMENT'`,
            '$created_at desc, $id desc',
            100,
            jsonObject('Order', 'ADMIN', 'x', { customer: customerOf('x') }),
          )},
          'subscriptions', ${card(
            'subscriptions',
            `status = 'PAST_DUE'`,
            '$next_renewal_at, $id',
            1,
            jsonObject('PackageSubscription', 'ADMIN', 'x'),
          )},
          'sites', ${card(
            'sites',
            `status = 'ACTIVE'`,
            '$domain, $id',
            100,
            jsonObject('Site', 'ADMIN', 'x', {
              backups: list(
                `select json_agg(${jsonObject('SiteBackup', 'ADMIN', 'b')}) from site_backups b where b.site_id = x.id`,
              ),
            }),
          )}) as data`,
        values: [],
      };
    },
  },
  {
    key: 'f',
    title: 'subscriptions: page of 25 by next renewal, with customer and care package',
    role: 'ADMIN',
    sitecare: () => ({
      query: `query Subscriptions($page: PageInput) {
        data: subscriptions(page: $page) {
          nodes { ${sc('PackageSubscription', 'ADMIN', ['customer', 'servicePackage'])} } totalCount } }`,
      variables: { page: page(25) },
    }),
    postgraphile: () => ({
      query: `query { data: allPackageSubscriptions(first: 25, orderBy: [NEXT_RENEWAL_AT_ASC, PRIMARY_KEY_ASC]) {
        nodes { ${pgl(
          'PackageSubscription',
          'ADMIN',
          `customer: customerByCustomerId { ${pgl('Customer', 'ADMIN')} }
           servicePackage: servicePackageByServicePackageId { ${pgl('ServicePackage', 'ADMIN')} }`,
        )} } totalCount } }`,
    }),
    raw: () => ({
      text: `select json_build_object('nodes', ${list(
        `select json_agg(${jsonObject('PackageSubscription', 'ADMIN', 'x', {
          customer: `(select ${jsonObject('Customer', 'ADMIN', 'c')} from customers c where c.id = x.customer_id)`,
          servicePackage: `(select ${jsonObject('ServicePackage', 'ADMIN', 'p')} from service_packages p
            where p.id = x.service_package_id)`,
        })} order by x.next_renewal_at, x.id)
        from (select * from subscriptions order by next_renewal_at, id limit 25) x`,
      )}, 'totalCount', (select count(*) from subscriptions)) as data`,
      values: [],
    }),
  },
  {
    key: 'g',
    title: 'order page: the order with its customer, lines and payments (random order)',
    role: 'ADMIN',
    sitecare: ({ orderId }) => ({
      query: `query Order($id: UUID!) {
        data: order(id: $id) { ${sc('Order', 'ADMIN', ['customer', 'lines', 'payments'])} } }`,
      variables: { id: orderId },
    }),
    postgraphile: ({ orderId, tenantId }) => ({
      query: `query Order($tenantId: UUID!, $id: UUID!) { data: orderByRowId(tenantId: $tenantId, rowId: $id) { ${pgl(
        'Order',
        'ADMIN',
        `customer: customerByCustomerId { ${pgl('Customer', 'ADMIN')} }
         lines: orderLinesByOrderId { nodes { ${pgl('OrderLine', 'ADMIN')} } }
         payments: paymentsByOrderId { nodes { ${pgl('Payment', 'ADMIN')} } }`,
      )} } }`,
      variables: { tenantId, id: orderId },
    }),
    raw: ({ orderId }) => ({
      text: `select ${jsonObject('Order', 'ADMIN', 'o', {
        customer: `(select ${jsonObject('Customer', 'ADMIN', 'c')} from customers c where c.id = o.customer_id)`,
        lines: list(
          `select json_agg(${jsonObject('OrderLine', 'ADMIN', 'l')}) from order_lines l where l.order_id = o.id`,
        ),
        payments: list(
          `select json_agg(${jsonObject('Payment', 'ADMIN', 'p')}) from payments p where p.order_id = o.id`,
        ),
      })} as data from orders o where o.id = $1`,
      values: [orderId],
    }),
  },
];

/** The tables behind each type the raw baseline reads, with the role whose fields it selects. */
export const RAW_TABLES = [
  ['Customer', 'customers', 'ADMIN'],
  ['Contact', 'contacts', 'ADMIN'],
  ['Site', 'sites', 'ADMIN'],
  ['Order', 'orders', 'ADMIN'],
  ['SupportTicket', 'support_tickets', 'ADMIN'],
  ['TicketMessage', 'ticket_messages', 'ADMIN'],
  ['Lead', 'leads', 'ADMIN'],
  ['PackageSubscription', 'subscriptions', 'ADMIN'],
  ['SiteBackup', 'site_backups', 'ADMIN'],
  ['ServicePackage', 'service_packages', 'ADMIN'],
  ['OrderLine', 'order_lines', 'ADMIN'],
  ['Payment', 'payments', 'ADMIN'],
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Fields that differ by nature between two writes (the mutation's new message). */
const VOLATILE = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * One shape for all three: PostGraphile's `rowId` is `id`, its nested connections `{ nodes }` are
 * lists; dates as UTC ISO strings; list items in id order (each variant's order of a page is
 * checked by its query; items of a nested list have no order the dashboard relies on).
 */
export function normalise(value, { dropVolatile = false } = {}) {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, { dropVolatile }));
    return items.every((i) => i && typeof i === 'object' && 'id' in i)
      ? items.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      : items;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'nodes') return normalise(value.nodes, { dropVolatile });
    const out = {};
    for (const key of keys.sort()) {
      const name = key === 'rowId' ? 'id' : key;
      if (dropVolatile && VOLATILE.has(name)) continue;
      if (key === '__typename') continue;
      out[name] = normalise(value[key], { dropVolatile });
    }
    return out;
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) return new Date(value).toISOString();
  if (typeof value === 'string' && /^\d+$/.test(value) && value.length < 16) return Number(value); // count(*) as text
  return value;
}
