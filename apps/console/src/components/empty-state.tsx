import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What an empty list means and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg" ta="center">
      <Text fw={600}>{title}</Text>
      {children && <Text size="sm" c="dimmed" mt={4}>{children}</Text>}
    </Paper>
  );
}
