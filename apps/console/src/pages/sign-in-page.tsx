import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSession } from '../session/session';

export function SignInPage() {
  const { signIn, endedBecause } = useSession();
  const [key, setKey] = useState('');
  const attempt = useMutation({ mutationFn: (candidate: string) => signIn(candidate) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) attempt.mutate(key.trim());
  };
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={2}>Provisio console</Title>
          <Text size="sm" c="dimmed">
            Sign in with an operator key (opk_…) or the ADMIN_TOKEN. The key stays in this tab only and is forgotten when you sign out,
            close the tab, or leave it idle for 15 minutes.
          </Text>
          {endedBecause && <Alert color="blue">{endedBecause}</Alert>}
          <PasswordInput label="Operator key" autoComplete="off" value={key} onChange={(e) => setKey(e.currentTarget.value)} autoFocus />
          {attempt.error && <Alert color="red" role="alert">{attempt.error.message}</Alert>}
          <Button type="submit" loading={attempt.isPending}>Sign in</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
