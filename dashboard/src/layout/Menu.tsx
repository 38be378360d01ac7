// The side menu: home, one entry per resource (added by <Resource>), then the system pages.
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { Menu as RaMenu } from 'react-admin';

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <RaMenu.ResourceItems />
    <RaMenu.Item to="/status" primaryText="sitecare.status.title" leftIcon={<MonitorHeartIcon />} />
  </RaMenu>
);
