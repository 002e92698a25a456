import { Accordion, Badge, Code, Group, Table, Text } from '@mantine/core';
import type { Schemas } from '../api/client';
import { When } from './when';

type AuditEvent = Schemas['AuditEventDto'];

function show(value: unknown): string {
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

function actorLabel(actor: AuditEvent['actor']): string {
  const a = actor as Record<string, string | undefined>;
  if (a.type === 'token') return `SCIM token ${a.tokenPrefix ?? ''}`;
  if (a.type === 'admin') return a.operatorKeyPrefix ? `operator key ${a.operatorKeyPrefix}` : 'ADMIN_TOKEN';
  return `system: ${a.job ?? ''}`;
}

/** The attribute-level diff the audit writer stored: path, operation, before, after. */
export function AuditDiff({ changes }: { changes: AuditEvent['changes'] }) {
  if (!changes || changes.length === 0) return <Text size="sm" c="dimmed">No attribute changes recorded.</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label="Changes">
      <Table.Thead><Table.Tr><Table.Th>Attribute</Table.Th><Table.Th>Change</Table.Th><Table.Th>Before</Table.Th><Table.Th>After</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {changes.map((change, i) => (
          <Table.Tr key={i}>
            <Table.Td><Code>{change.path}</Code></Table.Td>
            <Table.Td>{change.op}</Table.Td>
            <Table.Td c="red.8" style={{ wordBreak: 'break-all' }}>{show(change.before)}</Table.Td>
            <Table.Td c="green.8" style={{ wordBreak: 'break-all' }}>{show(change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Events newest first; each opens to its diff and who/where details. */
export function AuditEventList({ events }: { events: AuditEvent[] }) {
  return (
    <Accordion multiple variant="separated">
      {events.map((event) => (
        <Accordion.Item key={event.id} value={event.id}>
          <Accordion.Control aria-label={`${event.action} ${event.resourceName ?? event.resourceId ?? ''}`}>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" c="dimmed" w={40}>#{event.sequence}</Text>
              <Badge variant="light" color={event.outcome === 'success' ? 'blue' : 'red'}>{event.action}</Badge>
              <Text size="sm" fw={500}>{event.resourceName ?? event.resourceId ?? event.resourceType}</Text>
              <Text size="sm" c="dimmed">by {actorLabel(event.actor)}</Text>
              <When at={event.occurredAt} />
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <AuditDiff changes={event.changes} />
            <Text size="xs" c="dimmed" mt="xs">
              {event.resourceType} {event.resourceId} · request {event.requestId ?? '-'} · from {event.clientIp ?? '-'} · {event.userAgent ?? ''}
              {event.status ? ` · status ${event.status}` : ''}{event.summary ? ` · ${event.summary}` : ''}
            </Text>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
