// The side menu: home, one entry per resource the role may list, then the system pages. For
// contractors and customers the sites entry is "My sites": they see only their own; for customers
// the orders entry is "My orders" and the subscriptions entry "My subscriptions".
import FactCheckIcon from '@mui/icons-material/FactCheck';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import { Menu as RaMenu, useResourceDefinitions, useTranslate } from 'react-admin';

import { useViewerRole } from '../providers/useViewerRole';
import { seesOwnSitesOnly } from '../resources/sites/ownSites';

const ResourceItems = () => {
  const resources = useResourceDefinitions();
  const role = useViewerRole();
  const translate = useTranslate();
  return (
    <>
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .map((name) =>
          name === 'sites' && seesOwnSitesOnly(role) ? (
            <RaMenu.ResourceItem key={name} name={name} primaryText={translate('sitecare.sites.my_sites')} />
          ) : name === 'orders' && role === 'CUSTOMER' ? (
            <RaMenu.ResourceItem key={name} name={name} primaryText={translate('sitecare.orders.my_orders')} />
          ) : name === 'subscriptions' && role === 'CUSTOMER' ? (
            <RaMenu.ResourceItem
              key={name}
              name={name}
              primaryText={translate('sitecare.subscriptions.my_subscriptions')}
            />
          ) : (
            <RaMenu.ResourceItem key={name} name={name} />
          ),
        )}
    </>
  );
};

/** P13: the customer's own consents (a portal page, not a resource). */
const MyConsentsItem = () =>
  useViewerRole() === 'CUSTOMER' ? (
    <RaMenu.Item to="/my-consents" primaryText="sitecare.my_consents.title" leftIcon={<FactCheckIcon />} />
  ) : null;

/** P27/P33: the customer's privacy tools page. */
const PrivacyToolsItem = () =>
  useViewerRole() === 'CUSTOMER' ? (
    <RaMenu.Item to="/privacy-tools" primaryText="sitecare.privacy.tools.title" leftIcon={<PrivacyTipIcon />} />
  ) : null;

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <ResourceItems />
    <MyConsentsItem />
    <PrivacyToolsItem />
    <RaMenu.Item to="/status" primaryText="sitecare.status.title" leftIcon={<MonitorHeartIcon />} />
  </RaMenu>
);
