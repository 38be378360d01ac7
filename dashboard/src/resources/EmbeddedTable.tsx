// Related records embedded in the record shown (a customer's contacts, a site's backups) as a
// table of their own resource: labels, links and permissions then follow that resource.
import type { ReactNode } from 'react';
import { ArrayField, type ArrayFieldProps, ResourceContextProvider } from 'react-admin';

export const EmbeddedTable = ({
  resource,
  children,
  ...props
}: ArrayFieldProps & { resource: string; source: string; children: ReactNode }) => (
  <ResourceContextProvider value={resource}>
    <ArrayField resource={resource} {...props}>
      {children}
    </ArrayField>
  </ResourceContextProvider>
);
