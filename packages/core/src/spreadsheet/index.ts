export * from './formula-cell.ts';
