import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, UserMenu } from 'react-admin';

import { Menu } from './Menu';
import { ProfileMenuItem } from './ProfileMenuItem';

const SitecareUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <Logout />
  </UserMenu>
);

const SitecareAppBar = () => <AppBar userMenu={<SitecareUserMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={SitecareAppBar}>
    {children}
  </RaLayout>
);
