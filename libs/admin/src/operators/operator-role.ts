export const OPERATOR_ROLES = ['admin', 'auditor'] as const;

/** `admin` may do everything; `auditor` may only read (tenants, directory, audit log, events, deliveries). */
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** Who is calling the admin API: the installation's ADMIN_TOKEN (always admin) or one operator key. */
export type Operator =
  | { via: 'admin-token'; role: 'admin' }
  | { via: 'operator-key'; role: OperatorRole; keyId: string; keyName: string; keyPrefix: string };

/** The admin guard puts the caller here; controllers read it with @CurrentOperator(). */
export interface OperatorRequest {
  operator?: Operator;
}
