// P14, issue 23: marketing sends (`marketingSend`) and their history: who was sent, who the marketing
// gate refused and why, opens and clicks only where the person consented to tracking (P9).
import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./MarketingCampaignList')),
  show: lazy(() => import('./MarketingCampaignShow')),
  create: lazy(() => import('./MarketingCampaignCreate')),
  icon: CampaignIcon,
  recordRepresentation: 'subjectEn',
};
