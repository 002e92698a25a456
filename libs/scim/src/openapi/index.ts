export { documentScim, SCIM_TAGS } from './document-scim';
export { EXAMPLE_RESOURCE_ID } from './request-examples';
