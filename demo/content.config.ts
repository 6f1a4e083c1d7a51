// The help center's collections, as in every project that uses helpdesk-kit.
export { collections } from 'helpdesk-kit/collections';
