/** Page sizes of list and .search answers, advertised in /ServiceProviderConfig (filter.maxResults, pagination). */
export interface PagingLimits {
  defaultPageSize: number;
  maxPageSize: number;
  /** Not a size: the key that seals list cursors, handed along with the paging settings. */
  cursorKey: Buffer;
}
