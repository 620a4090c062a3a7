import type { ComponentType } from 'react';

/** Areas that have their own pages; the others show what is coming. */
export const areaPages: Record<string, ComponentType> = {};
