import { Alert } from '@mantine/core';

/** A failed action with the API's own message (validation errors name the field). */
export function ErrorText({ error }: { error: Error | null }) {
  if (!error) return null;
  return <Alert color="red" role="alert" title="Not done">{error.message}</Alert>;
}
