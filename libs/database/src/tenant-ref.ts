/** The tenant a request or job acts for. Every query on tenant data is scoped by `id`. */
export interface TenantRef {
  id: string;
  name: string;
}
