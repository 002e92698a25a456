import { parseFilter } from '../filter';
import { directoryFilter } from './directory-search';

describe('directoryFilter', () => {
  it('turns the search box into a prefix search over indexed user attributes', () => {
    expect(directoryFilter('User', ' bjen ')).toBe('userName sw "bjen" or displayName sw "bjen" or externalId eq "bjen"');
  });

  it('combines search and the operator filter with AND, and stays parseable with quotes in the text', () => {
    const filter = directoryFilter('Group', 'Sales "EU" \\ ops', 'externalId pr')!;
    expect(filter).toBe('(displayName sw "Sales \\"EU\\" \\\\ ops" or externalId eq "Sales \\"EU\\" \\\\ ops") and (externalId pr)');
    expect(() => parseFilter(filter)).not.toThrow();
  });

  it('passes an operator filter alone through, and gives nothing for blank input', () => {
    expect(directoryFilter('User', '', 'active eq false')).toBe('active eq false');
    expect(directoryFilter('User', '  ', ' ')).toBeUndefined();
  });
});
