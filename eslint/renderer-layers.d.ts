import type { Rule } from 'eslint';

export declare const rendererLayers: string[];
export declare const featureOrder: string[];
export declare const rendererLayersPlugin: { rules: { layers: Rule.RuleModule } };
