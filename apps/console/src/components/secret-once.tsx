import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';

/** A secret the API returns only once: shown with a copy button and a plain warning. */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  return (
    <Alert color="yellow" title={`${label}: copy it now`}>
      <Text size="sm" mb="xs">It is shown only this once. Provisio keeps only a hash of it.</Text>
      <Group gap="xs" wrap="nowrap">
        <Code block aria-label={label} style={{ flex: 1, wordBreak: 'break-all' }}>{secret}</Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => <Button size="xs" color={copied ? 'teal' : 'blue'} onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}
        </CopyButton>
      </Group>
    </Alert>
  );
}
