export * from './assignments.ts';
export * from './companies.ts';
export * from './identity.ts';
export * from './notifications.ts';
export * from './openings.ts';
export * from './organisation.ts';
export * from './platform.ts';
export * from './residents.ts';
