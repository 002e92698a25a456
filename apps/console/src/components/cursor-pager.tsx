import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/** Cursor paging (the API's nextCursor): a stack of the cursors seen, so Previous goes back without offsets. */
export function useCursorPages() {
  const [stack, setStack] = useState<string[]>([]);
  return {
    cursor: stack[stack.length - 1],
    page: stack.length + 1,
    next: (cursor: string) => setStack((s) => [...s, cursor]),
    previous: () => setStack((s) => s.slice(0, -1)),
    reset: () => setStack([]),
  };
}

export function CursorPager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor?: string | null }) {
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" disabled={pages.page === 1} onClick={pages.previous}>Previous page</Button>
      <Text size="sm">Page {pages.page}</Text>
      <Button size="xs" variant="default" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>Next page</Button>
    </Group>
  );
}
