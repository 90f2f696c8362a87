import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { describeCardActions } from './card-actions-suite';
import { describeProgressRepository, testSchedulerFor } from './progress-repository-suite';

describeProgressRepository(
  'InMemoryProgressRepository',
  async () => new InMemoryProgressRepository(testSchedulerFor),
);

describeCardActions(
  'InMemoryProgressRepository',
  async () => new InMemoryProgressRepository(testSchedulerFor),
);
