import type { SitecareModule } from '../../system/module';
import { Survey, SurveyResponse } from './survey.entity';
import { SurveyResolver, SurveyResponseResolver } from './survey.resolver';
import { surveyResponseSource } from './survey.source';
import { surveySeed } from './survey.seed';

export const surveysModule: SitecareModule = {
  name: 'surveys',
  entities: [Survey, SurveyResponse],
  resolvers: [SurveyResolver, SurveyResponseResolver],
  personalData: [surveyResponseSource],
  seed: surveySeed, // its part of the demo data
};
