export * from './demo';
export * from './demo-care';
