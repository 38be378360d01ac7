// Related records embedded in the record shown (a customer's contacts, a site's backups) as a
// table of their own resource: labels, links and permissions then follow that resource. It scrolls
// sideways in its own box on a narrow screen (ScrollBox).
import type { ReactNode } from 'react';
import { ArrayField, type ArrayFieldProps, ResourceContextProvider, useTranslate } from 'react-admin';

import { ScrollBox } from './ScrollBox';

export const EmbeddedTable = ({
  resource,
  children,
  ...props
}: ArrayFieldProps & { resource: string; source: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <ResourceContextProvider value={resource}>
      <ScrollBox name={translate(`resources.${resource}.name`, { smart_count: 2 })}>
        <ArrayField resource={resource} {...props}>
          {children}
        </ArrayField>
      </ScrollBox>
    </ResourceContextProvider>
  );
};
