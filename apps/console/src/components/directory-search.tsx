import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';

export interface DirectoryQuery {
  search: string;
  filter: string;
}

/** A plain search box and a SCIM filter field (docs/filtering.md), applied together. */
export function DirectorySearch({ onSearch, filterExample }: { onSearch: (query: DirectoryQuery) => void; filterExample: string }) {
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ search, filter });
  };
  return (
    <Group component="form" onSubmit={submit} align="end">
      <TextInput label="Search" placeholder="name, userName or externalId" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
      <TextInput label="SCIM filter" placeholder={filterExample} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={340} />
      <Button type="submit" variant="light">Search</Button>
    </Group>
  );
}
