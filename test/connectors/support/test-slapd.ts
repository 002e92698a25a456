/** The tests' slapd is the bench's throwaway one (bench/ldap/throwaway-slapd.ts): one harness for both. */
export { ThrowawaySlapd as TestSlapd } from '../../../bench/ldap/throwaway-slapd';
