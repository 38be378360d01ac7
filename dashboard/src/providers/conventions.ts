// How a react-admin resource maps to GraphQL operations. One convention for every resource, shared
// by the data provider (which operation to call) and canAccess (which permission to check):
//   list   → Query.<resource>            users(filter, sort, page): { nodes, totalCount }
//   show   → Query.<singular>            user(id)
//   create → Mutation.<singular>Create, or <singular>Invite for people
//   edit   → Mutation.<singular>Update   userUpdate(id, input)
//   delete → Mutation.<singular>Delete
//   other  → Mutation.<singular><Action> userDisable(id), userEnable(id)

/**
 * `users` → `user`, `auditEvents` → `auditEvent`, `companies` → `company`, `breaches` → `breach`,
 * `processingPurposes` → `processingPurpose` (a single s before -es is the word's own e: purpose).
 */
export function singularOf(resource: string): string {
  if (resource.endsWith('ies')) return `${resource.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(resource)) return resource.slice(0, -2);
  if (resource.endsWith('s')) return resource.slice(0, -1);
  return resource;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Actions a resource carries out through an operation of another name (dataProvider's resourceQueries). */
const SPECIAL: Record<string, string[]> = {
  // Issue 23: a marketing campaign is created by sending it.
  'marketingCampaigns.create': ['Mutation.marketingSend'],
};

/** The GraphQL operations (`Type.field`) that can carry out a react-admin action, in order of preference. */
export function operationsFor(resource: string, action: string): string[] {
  const special = SPECIAL[`${resource}.${action}`];
  if (special) return special;
  const singular = singularOf(resource);
  switch (action) {
    case 'list':
    case 'export':
      return [`Query.${resource}`];
    case 'show':
      return [`Query.${singular}`];
    case 'create':
      return [`Mutation.${singular}Create`, `Mutation.${singular}Invite`];
    case 'edit':
      return [`Mutation.${singular}Update`];
    case 'delete':
      return [`Mutation.${singular}Delete`];
    default:
      return [`Mutation.${singular}${capitalize(action)}`];
  }
}
