// The side menu: home, then the resources the role may list in named groups (clients and work,
// sales, privacy, administration; for customers "my services" and privacy), then the system page.
// For contractors and customers the sites entry is "My sites": they see only their own; for customers
// the orders entry is "My orders" and the subscriptions entry "My subscriptions". With the sidebar
// folded to icons, a divider stands in for each group's name. The agency's registers and the system
// status are not a customer's (issue 25: roleSeesScreen, which refuses their routes too).
import FactCheckIcon from '@mui/icons-material/FactCheck';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { Divider, ListSubheader } from '@mui/material';
import type { Role } from '@sitecare/schema';
import { Fragment, type ReactNode } from 'react';
import { Menu as RaMenu, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';

import { roleCanAccess, roleMayCall, roleSeesScreen } from '../providers/canAccess';
import { useViewerRole } from '../providers/useViewerRole';
import { seesOwnSitesOnly } from '../resources/sites/ownSites';

interface Group {
  label: string;
  resources: string[];
  /** Portal pages shown first in the group, for the roles that have them. */
  pages?: ReactNode;
}

const CustomerPages = () => (
  <>
    {/* P13: the customer's own consents (a portal page, not a resource). */}
    <RaMenu.Item to="/my-consents" primaryText="sitecare.my_consents.title" leftIcon={<FactCheckIcon />} />
    {/* P27/P33: the customer's privacy tools. */}
    <PrivacyToolsItem role="CUSTOMER" />
  </>
);

const PRIVACY_REGISTERS = ['processingPurposes', 'policyVersions', 'surveys'];

/** Issue 25: everyone's own privacy requests and exports, staff's too (the page files a request only for customers). */
const PrivacyToolsItem = ({ role }: { role: Role | undefined }) =>
  roleMayCall(role, 'Query.myPrivacyRequests') ? (
    <RaMenu.Item to="/privacy-tools" primaryText="sitecare.privacy.tools.title" leftIcon={<PrivacyTipIcon />} />
  ) : null;

function groupsFor(role: Role | undefined): Group[] {
  if (role === 'CUSTOMER') {
    return [
      {
        label: 'sitecare.menu.my_services',
        resources: ['sites', 'supportTickets', 'orders', 'invoices', 'subscriptions', 'servicePackages'],
      },
      { label: 'sitecare.menu.privacy', resources: PRIVACY_REGISTERS, pages: <CustomerPages /> },
    ];
  }
  return [
    { label: 'sitecare.menu.work', resources: ['customers', 'sites', 'supportTickets', 'leads'] },
    {
      label: 'sitecare.menu.sales',
      resources: ['orders', 'invoices', 'subscriptions', 'servicePackages', 'marketingCampaigns'],
    },
    {
      label: 'sitecare.menu.privacy',
      resources: [
        'privacyRequests',
        'consentEvents',
        ...PRIVACY_REGISTERS,
        'processors',
        'disclosures',
        'breaches',
        'visits',
      ],
      // Staff (who handle others' requests) also reach their own.
      pages: roleMayCall(role, 'Query.privacyRequests') ? <PrivacyToolsItem role={role} /> : undefined,
    },
    {
      label: 'sitecare.menu.admin',
      resources: ['users', 'auditEvents', 'outboxMessages'],
      // Issue 17: the agency's own details, for those who may change them (admins).
      pages: roleMayCall(role, 'Mutation.tenantUpdate') ? (
        <RaMenu.Item to="/agency-settings" primaryText="sitecare.agency.title" leftIcon={<StorefrontIcon />} />
      ) : undefined,
    },
  ];
}

const ResourceItem = ({ name, role }: { name: string; role: Role | undefined }) => {
  const translate = useTranslate();
  const mine =
    name === 'sites' && seesOwnSitesOnly(role)
      ? 'sitecare.sites.my_sites'
      : name === 'orders' && role === 'CUSTOMER'
        ? 'sitecare.orders.my_orders'
        : name === 'subscriptions' && role === 'CUSTOMER'
          ? 'sitecare.subscriptions.my_subscriptions'
          : name === 'invoices' && role === 'CUSTOMER'
            ? 'sitecare.invoices.my_invoices'
            : undefined;
  // Only when set: an explicit `primaryText={undefined}` would replace the resource's own label.
  return mine ? <RaMenu.ResourceItem name={name} primaryText={translate(mine)} /> : <RaMenu.ResourceItem name={name} />;
};

const GroupHeading = ({ label }: { label: string }) => {
  const [open] = useSidebarState();
  const translate = useTranslate();
  if (!open) return <Divider component="li" role="presentation" sx={{ my: 0.5 }} />;
  return (
    <ListSubheader
      role="presentation"
      disableSticky
      sx={{ bgcolor: 'transparent', lineHeight: '2rem', mt: 1, fontSize: '0.75rem', textTransform: 'uppercase' }}
    >
      {translate(label)}
    </ListSubheader>
  );
};

const ResourceGroups = () => {
  const resources = useResourceDefinitions();
  const role = useViewerRole();
  // Only what the role may list (the permission matrix), so no group shows without entries.
  const listable = (name: string) => Boolean(resources[name]?.hasList) && roleCanAccess(role, name, 'list');
  const groups = groupsFor(role);
  const grouped = new Set(groups.flatMap((group) => group.resources));
  const others = Object.keys(resources).filter((name) => !grouped.has(name) && listable(name));
  return (
    <>
      {groups.map((group) => {
        const names = group.resources.filter(listable);
        if (!names.length && !group.pages) return null;
        return (
          // Flat, not nested lists: the menu's arrow-key navigation moves between its direct children.
          <Fragment key={group.label}>
            <GroupHeading label={group.label} />
            {group.pages}
            {names.map((name) => (
              <ResourceItem key={name} name={name} role={role} />
            ))}
          </Fragment>
        );
      })}
      {others.map((name) => (
        <ResourceItem key={name} name={name} role={role} />
      ))}
    </>
  );
};

const StatusItem = () =>
  roleSeesScreen(useViewerRole(), 'status') ? (
    <RaMenu.Item to="/status" primaryText="sitecare.status.title" leftIcon={<MonitorHeartIcon />} />
  ) : null;

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <ResourceGroups />
    <StatusItem />
  </RaMenu>
);
