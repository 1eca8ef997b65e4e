// @ts-check
import path from 'node:path';

/**
 * The renderer's layers, highest first. A module may import its own layer and the layers below it, never one above,
 * so there is no import cycle between layers. Tests may cross (a B1 test reads every feature's text); test helpers
 * (any `testing/` folder) serve tests only.
 */
export const rendererLayers = ['entry', 'app', 'features', 'ui', 'i18n', 'sync', 'host', 'data'];

/**
 * Features that import each other, highest first: a feature imports only features below it (through their
 * index.ts), so features never form a cycle. app/ composes them where two must meet (the intake overview gets
 * the finances' regelingen panel as a prop). A feature not listed here imports no other feature and is
 * imported by none.
 */
export const featureOrder = ['office', 'reports', 'sync', 'households', 'handover', 'finances', 'signals', 'intake', 'auth'];

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes('testing');

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Renderer layers import only downward: ' + rendererLayers.join(' → ') },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: {
      upward: "'{{layer}}' may not import from '{{target}}': the renderer's layers import only downward ({{order}}).",
      testing: 'Product code may not import test helpers ({{source}}).',
      feature: "Feature '{{from}}' may not import feature '{{to}}': features import only those below them ({{order}}); compose them in app/ instead.",
    },
  },
  create(context) {
    const root = path.resolve(context.options[0].root);
    const file = context.filename;
    const fromParts = path.relative(root, file).split(path.sep);
    const fromLayer = rendererLayers.indexOf(fromParts[0] ?? '');
    if (fromLayer < 0 || fromParts[0] === '..' || isTest(file)) return {};
    /** @param {import('estree').Node & { source?: import('estree').Literal | null }} node */
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const parts = path.relative(root, target).split(path.sep);
      if (parts[0] === '..') return;
      if (parts.includes('testing')) {
        context.report({ node, messageId: 'testing', data: { source } });
        return;
      }
      const toLayer = rendererLayers.indexOf(parts[0] ?? '');
      if (toLayer >= 0 && toLayer < fromLayer) {
        context.report({ node, messageId: 'upward', data: { layer: fromParts[0] ?? '', target: parts[0] ?? '', order: rendererLayers.join(' → ') } });
        return;
      }
      const from = fromParts[0] === 'features' ? fromParts[1] : undefined;
      const to = parts[0] === 'features' ? parts[1] : undefined;
      if (from && to && from !== to && !(featureOrder.indexOf(from) >= 0 && featureOrder.indexOf(to) > featureOrder.indexOf(from))) {
        context.report({ node, messageId: 'feature', data: { from, to, order: featureOrder.join(' → ') } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const rendererLayersPlugin = { rules: { layers: layersRule } };
