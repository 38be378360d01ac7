// Issue 20, admins: which roles of the agency must log in with a second factor (Agency settings),
// and resetting another user's second factor when they lost it (user page; audited, mailed).
import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Typography,
} from '@mui/material';
import { ROLES, type Role } from '@sitecare/schema';
import { useEffect, useState } from 'react';
import { Button, Confirm, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { roleMayCall } from '../providers/canAccess';
import { useViewerRole } from '../providers/useViewerRole';
import { StepUpDialog } from './StepUpDialog';

const ROLES_QUERY = 'query TenantSecondFactorRoles { tenant { id secondFactorRoles } }';
const ROLES_SET = `mutation TenantSecondFactorRolesSet($input: SecondFactorRolesInput!) {
  tenantSecondFactorRolesSet(input: $input) { id secondFactorRoles }
}`;
const RESET = 'mutation UserSecondFactorReset($id: UUID!) { userSecondFactorReset(id: $id) { id } }';

/** Agency settings: the roles that must have a second factor. */
export const SecondFactorRolesCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [roles, setRoles] = useState<string[] | undefined>();
  useEffect(() => {
    void graphqlRequest<{ tenant: { secondFactorRoles: string[] } }>(ROLES_QUERY).then(({ tenant }) =>
      setRoles(tenant.secondFactorRoles),
    );
  }, []);
  if (!roles) return null;

  const toggle = (role: Role) =>
    setRoles((current = []) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));
  const save = async () => {
    try {
      const { tenantSecondFactorRolesSet } = await graphqlRequest<{
        tenantSecondFactorRolesSet: { secondFactorRoles: string[] };
      }>(ROLES_SET, { input: { roles } });
      setRoles(tenantSecondFactorRolesSet.secondFactorRoles);
      notify('sitecare.second_factor.roles_saved', { type: 'success' });
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby="second-factor-roles" sx={{ mb: 3 }}>
      <CardContent>
        <Typography id="second-factor-roles" component="h2" variant="h6">
          {translate('sitecare.second_factor.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('sitecare.second_factor.roles_help')}
        </Typography>
        <FormGroup row>
          {ROLES.map((role) => (
            <FormControlLabel
              key={role}
              control={<Checkbox checked={roles.includes(role)} onChange={() => toggle(role)} />}
              label={translate(`sitecare.roles.${role}`)}
            />
          ))}
        </FormGroup>
        <Box sx={{ mt: 1 }}>
          <MuiButton variant="contained" onClick={save}>
            {translate('sitecare.second_factor.roles_save')}
          </MuiButton>
        </Box>
      </CardContent>
    </Card>
  );
};

/** A user's page: an admin removes their second factor (and ends their sessions), after a fresh step. */
export const SecondFactorResetButton = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const role = useViewerRole();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const [stepUp, setStepUp] = useState(false);
  if (!record || !roleMayCall(role, 'Mutation.userSecondFactorReset') || record.id === identity?.id) return null;

  const reset = async () => {
    setConfirming(false);
    try {
      await graphqlRequest(RESET, { id: record.id });
      notify('sitecare.second_factor.reset_done', { type: 'info', messageArgs: { name: record.name } });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED') return setStepUp(true);
      notify('ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <>
      <Button label="sitecare.second_factor.reset" onClick={() => setConfirming(true)}>
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        title="sitecare.second_factor.reset"
        content="sitecare.second_factor.reset_confirm"
        translateOptions={{ name: record.name }}
        onConfirm={reset}
        onClose={() => setConfirming(false)}
      />
      <StepUpDialog
        open={stepUp}
        onCancel={() => setStepUp(false)}
        onDone={() => {
          setStepUp(false);
          void reset();
        }}
      />
    </>
  );
};
