import { useEffect, useState } from 'react';

interface Observable {
  subscribe(listener: () => void): () => void;
}

/**
 * Counts change notifications of a store, so a component re-reads it:
 * `const v = useChanges(repo); const rows = useMemo(() => repo.list(), [repo, v]);`
 */
export function useChanges(store: Observable): number {
  const [version, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  return version;
}
