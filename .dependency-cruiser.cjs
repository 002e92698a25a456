/**
 * Module boundaries checked by `npm run lint` (dependency-cruiser), beside the alias rules in
 * eslint.config.mjs: no import cycle between libs. A lib that imports another, directly or through
 * others, must never be imported back by it; cycles are what once made libs/tenancy and libs/audit
 * depend on the order their index files were loaded in.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-lib-cycle',
      severity: 'error',
      comment: 'Libs form a hierarchy: move what two libs both need into a lib below both (see docs/architecture.md).',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^libs/$1/' } },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.(e2e-)?spec\\.ts$' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
