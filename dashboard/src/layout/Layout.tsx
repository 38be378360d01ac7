import { Box } from '@mui/material';
import { brandSurface } from '@sitecare/schema';
import { type ReactNode, useSyncExternalStore } from 'react';
import { AppBar, Layout as RaLayout, Logout, TitlePortal, UserMenu, useTranslate } from 'react-admin';

import { currentViewer, subscribeViewer } from '../providers/authProvider';
import { Menu } from './Menu';
import { ProfileMenuItem } from './ProfileMenuItem';

const SitecareUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <Logout />
  </UserMenu>
);

/**
 * Issue 25: the app bar in the agency's colour (from its settings), for every role of the agency,
 * with white or black text by contrast (brandSurface: the hosted pages' rule, in @sitecare/schema),
 * and its logo; Sitecare's own theme without a colour.
 */
const SitecareAppBar = () => {
  const translate = useTranslate();
  const viewer = useSyncExternalStore(subscribeViewer, currentViewer);
  const surface = brandSurface(viewer?.tenant.brandColor);
  const logo = viewer?.tenant.logoUrl;
  return (
    <AppBar
      userMenu={<SitecareUserMenu />}
      sx={surface ? { bgcolor: surface.background, color: surface.text } : undefined}
    >
      {logo ? (
        <Box
          component="img"
          src={logo}
          alt={translate('sitecare.agency.logo_alt', { name: viewer?.tenant.name ?? '' })}
          sx={{
            display: { xs: 'none', sm: 'block' },
            height: 32,
            maxWidth: 140,
            objectFit: 'contain',
            mr: 1.5,
            p: 0.25,
            bgcolor: '#ffffff',
            borderRadius: 0.5,
          }}
        />
      ) : null}
      <TitlePortal />
    </AppBar>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={SitecareAppBar}>
    {children}
  </RaLayout>
);
