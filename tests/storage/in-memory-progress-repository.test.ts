import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { describeProgressRepository, testSchedulerFor } from './progress-repository-suite';

describeProgressRepository(
  'InMemoryProgressRepository',
  async () => new InMemoryProgressRepository(testSchedulerFor),
);
