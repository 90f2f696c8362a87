import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';

export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="page narrow">
      <h1>{notFound ? 'Not found' : 'Something went wrong'}</h1>
      <p role="alert">
        {notFound
          ? 'There is nothing at this address.'
          : `The page failed to load: ${error instanceof Error ? error.message : String(error)}`}
      </p>
      <p>
        <Link to="/">Back to your decks</Link>
      </p>
    </main>
  );
}
