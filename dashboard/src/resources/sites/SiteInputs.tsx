// The inputs SiteCreate and SiteEdit share, and what both do to the values before saving.
import {
  AutocompleteInput,
  type RaRecord,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useLocaleState,
} from 'react-admin';

import { sitePlatformChoices, siteStatusChoices } from '../choices';
import { packageName } from './SiteFields';

export const SiteInputs = () => {
  const [locale] = useLocaleState();
  return (
    <>
      <ReferenceInput source="customerId" reference="customers" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <TextInput source="domain" autoComplete="off" validate={required()} helperText="sitecare.sites.domain_help" />
      <SelectInput source="platform" choices={sitePlatformChoices} validate={required()} />
      <TextInput source="productionUrl" type="url" autoComplete="off" helperText="sitecare.sites.production_url_help" />
      <TextInput source="stagingUrl" type="url" autoComplete="off" />
      <SelectInput source="status" choices={siteStatusChoices} validate={required()} />
      <ReferenceInput source="servicePackageId" reference="servicePackages">
        <SelectInput optionText={(pkg: RaRecord) => packageName(pkg, locale)} emptyText="sitecare.sites.no_package" />
      </ReferenceInput>
    </>
  );
};

/** A production address left empty is the domain's (https://<domain>). */
export const transformSite = (data: Record<string, unknown>) => {
  const domain = typeof data.domain === 'string' ? data.domain.trim() : '';
  return { ...data, domain, productionUrl: data.productionUrl || (domain ? `https://${domain}` : data.productionUrl) };
};
