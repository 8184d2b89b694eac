// The mapping layer: patch lines ↔ model steps, both ways.
export { mapPatch } from './map-patch';
export type { FileMapping, LineMapping, PatchMapping } from './map-patch';
export { MappingIndex } from './mapping-index';
export type { LineClass } from './line-class';
export { isModelledFile, MODELLED_FILES } from './model-files';
