import { Alert, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Loading, the API's error message, or the data: one shape for every page. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loader size="sm" aria-label="Loading" />;
  if (query.isError) return <Alert color="red" title="Could not load">{query.error.message}</Alert>;
  return <>{children(query.data)}</>;
}
