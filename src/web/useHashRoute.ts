import { useCallback, useEffect, useState } from 'react';
import { buildHash, parseHash, type Route, type TabId } from './route.js';

/** The current hash route, and a navigate() that pushes (or replaces) a new one. */
export function useHashRoute(): [Route, (tab: TabId, params: URLSearchParams, replace?: boolean) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const navigate = useCallback((tab: TabId, params: URLSearchParams, replace = false) => {
    const hash = buildHash(tab, params);
    if (hash === window.location.hash) return;
    if (replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    setRoute(parseHash(hash));
  }, []);
  return [route, navigate];
}
