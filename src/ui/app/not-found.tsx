import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../common/use-document-title';

export function NotFound() {
  useDocumentTitle('Not found');
  return (
    <div className="page narrow">
      <h1>Not found</h1>
      <p>There is nothing at this address. It may have moved, or the link has a typo.</p>
      <p>
        <Link to="/">Back to your decks</Link>
      </p>
    </div>
  );
}
