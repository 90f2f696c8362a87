import { useLocation, useNavigate } from 'react-router-dom';
import { type BrowseQuery, browseQueryParams, readBrowseQuery } from '../browse/browse-query';
import { LoadedGate } from '../ui/app/loaded-gate';
import { BrowseView } from '../ui/browse/browse-view';
import { useBrowseCatalog } from '../ui/browse/use-browse-catalog';
import { useDocumentTitle } from '../ui/common/use-document-title';

export default function BrowsePage() {
  useDocumentTitle('Browse');
  // useLocation and useNavigate rather than useSearchParams: the router lives in the first
  // screen's chunk, and useSearchParams would pull code of its own into it.
  const { search } = useLocation();
  const navigate = useNavigate();
  const loaded = useBrowseCatalog();
  const query = readBrowseQuery(new URLSearchParams(search));
  // Replace, not push: each key typed in the search would otherwise be a step of Back.
  const change = (next: BrowseQuery) => {
    const params = browseQueryParams(next).toString();
    navigate({ search: params === '' ? '' : `?${params}` }, { replace: true });
  };
  return (
    <LoadedGate loaded={loaded}>
      {(catalog) => <BrowseView catalog={catalog} query={query} onQueryChange={change} />}
    </LoadedGate>
  );
}
