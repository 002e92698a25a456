/** Page sizes of list and .search answers, advertised in /ServiceProviderConfig (filter.maxResults, pagination). */
export interface PagingLimits {
  defaultPageSize: number;
  maxPageSize: number;
}
