/**
 * Names an editor may not give a layer, feature, property or chapter, because code
 * that looks names up in plain objects would find JavaScript's own members instead
 * (`constructor`, `__proto__`, `toString`, ...).
 */
export const prototypeNames: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const isPrototypeName = (name: string) => prototypeNames.has(name) || prototypeNames.has(name.toLowerCase());
