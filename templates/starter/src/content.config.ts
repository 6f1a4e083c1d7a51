export { collections } from 'helpdesk-kit/collections';
