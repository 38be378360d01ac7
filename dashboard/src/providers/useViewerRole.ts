// The viewer's role in components, and whether it may read a restricted field (FIELD_PERMISSIONS),
// so a view can leave out what the API would refuse (the server checks every field anyway).
import type { Role } from '@sitecare/schema';
import { usePermissions } from 'react-admin';

import { currentViewer } from './authProvider';
import { roleCanRead } from './canAccess';

export function useViewerRole(): Role | undefined {
  const { permissions } = usePermissions<{ role?: Role }>();
  // The viewer is loaded before any page renders (checkAuth), so the cached one covers the first render.
  return permissions?.role ?? currentViewer()?.role;
}

/** True when the viewer may read `Type.field`, e.g. `useCanRead('Site.credentials')`. */
export const useCanRead = (coordinate: string): boolean => roleCanRead(useViewerRole(), coordinate);
