DELETE FROM tenants WHERE id IN (SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid FROM generate_series(1, 16) n);
