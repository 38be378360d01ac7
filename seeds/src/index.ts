export * from './demo';
export * from './demo-care';
export * from './scale';
