// P5: optional surveys: staff write them and read the answers.
import PollIcon from '@mui/icons-material/Poll';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SurveyList')),
  show: lazy(() => import('./SurveyShow')),
  edit: lazy(() => import('./SurveyEdit')),
  create: lazy(() => import('./SurveyCreate')),
  icon: PollIcon,
  recordRepresentation: 'titleEn',
};
