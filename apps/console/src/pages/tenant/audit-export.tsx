import { Button, Group, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useTenantId } from '../../layout/tenant-layout';
import { type AuditFilters, isoOrUndefined } from './audit-filters';

type Format = 'ndjson' | 'csv';

/** Streams the export, counting rows as they arrive (its length is unknown up front), then saves it as a file. */
export function AuditExport({ filters }: { filters: AuditFilters }) {
  const tenantId = useTenantId();
  const [rows, setRows] = useState<number>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (format: Format) => {
    setRunning(true);
    setError(undefined);
    setRows(0);
    try {
      const { response } = await api.GET('/admin/v1/tenants/{tenantId}/audit-events/export', {
        params: { path: { tenantId }, query: { format, from: isoOrUndefined(filters.from), to: isoOrUndefined(filters.to) } },
        parseAs: 'stream',
      });
      if (!response.ok || !response.body) throw new ApiError(response.status, `Export failed: ${response.status}`);
      const chunks: Uint8Array[] = [];
      let lines = 0;
      const reader = response.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        chunks.push(read.value);
        for (const byte of read.value) if (byte === 10) lines++;
        setRows(format === 'csv' ? Math.max(0, lines - 1) : lines);
      }
      const blob = new Blob(chunks as BlobPart[], { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `audit-${tenantId}.${format}`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Group gap="xs">
      <Button variant="default" onClick={() => run('ndjson')} disabled={running}>Export NDJSON</Button>
      <Button variant="default" onClick={() => run('csv')} disabled={running}>Export CSV</Button>
      {running && <Progress value={100} animated w={120} aria-label="Export in progress" />}
      {rows !== undefined && <Text size="sm" role="status">{running ? `${rows} events so far…` : `${rows} events exported`}</Text>}
      {error && <Text size="sm" c="red">{error}</Text>}
    </Group>
  );
}
