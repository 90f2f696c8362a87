import type { Resource, ResourceType } from '../../domain/deck';
import { ExternalLink } from './external-link';

const typeLabels: Record<ResourceType, string> = {
  official: 'Official',
  opensource: 'Open source',
  article: 'Article',
  video: 'Video',
  course: 'Course',
  book: 'Book',
  podcast: 'Podcast',
  feed: 'Feed',
  roadmap: 'Roadmap',
  website: 'Website',
  other: 'Link',
};

export function ResourceList({ resources }: { resources: readonly Resource[] }) {
  return (
    <ul className="resources" aria-label="Resources">
      {resources.map((resource) => (
        <li key={resource.url}>
          <span className={`badge badge-${resource.type}`}>{typeLabels[resource.type]}</span>{' '}
          <ExternalLink href={resource.url}>{resource.title}</ExternalLink>
        </li>
      ))}
    </ul>
  );
}
