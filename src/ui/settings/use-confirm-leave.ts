import { useEffect } from 'react';

/**
 * Asks before changes are dropped: before a click on a link to another page of the app, and before
 * the tab closes or reloads. The app's declarative routes have no navigation blocker (the data
 * router that has one would add about 20 KB to every start-up), so a click on a link is caught
 * before the router sees it. The browser's Back button is not caught.
 */
export function useConfirmLeave(unsaved: boolean, question: string) {
  useEffect(() => {
    if (!unsaved) return;
    const onClick = (event: MouseEvent) => {
      const plainClick =
        event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!plainClick || !(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
      // A new tab, another site (the unload prompt asks) or this very page loses nothing here.
      const leavesPage =
        (link.target === '' || link.target === '_self') &&
        link.origin === window.location.origin &&
        link.pathname !== window.location.pathname;
      if (leavesPage && !window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [unsaved, question]);
}
