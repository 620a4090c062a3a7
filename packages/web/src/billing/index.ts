// The door of this capability: other capabilities import only what is exported here.
export { BillingArea } from './BillingArea.tsx';
export { billingMessages } from './messages.ts';
