import { Text, Tooltip } from '@mantine/core';

const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000]];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function ago(iso: string): string {
  const diff = new Date(iso).getTime() - Date.now();
  for (const [unit, ms] of units) if (Math.abs(diff) >= ms || unit === 'second') return relative.format(Math.round(diff / ms), unit);
  return iso;
}

/** A time as "3 minutes ago", the exact UTC time on hover; a dash for never. */
export function When({ at, never = 'never' }: { at?: string | null; never?: string }) {
  if (!at) return <Text span size="sm" c="dimmed">{never}</Text>;
  return (
    <Tooltip label={new Date(at).toISOString()}>
      <Text span size="sm">{ago(at)}</Text>
    </Tooltip>
  );
}
