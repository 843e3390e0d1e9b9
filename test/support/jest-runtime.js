// Jest's runtime (jest.config.js `runtime`), keeping V8's code cache of every module it compiles
// for the next test files of the same worker. Jest compiles each module afresh for every test file
// (vm.compileFunction without a cache): about 2,000 modules for a file that starts a system, half a
// second and more of each such file's CPU. A module is compiled from its cache only when its
// transformed source is the one the cache was made from; anything unexpected falls back to jest's
// own compile, as does a jest whose runtime is not shaped as this one expects.
const { compileFunction } = require('node:vm');
const Runtime = require('jest-runtime').default;

/** @type {Map<string, { source: string, data: Buffer }>} */
const codeCache = new Map();

class CodeCachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    if (!executor || typeof executor.compile !== 'function' || typeof executor.dynamicImport !== 'function') return;
    const jestCompile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null || executor.resolution.isCoreModule(filename)) return jestCompile(scriptSource, filename);
      const cached = codeCache.get(filename);
      const usable = cached !== undefined && cached.source === scriptSource;
      let compiled;
      try {
        compiled = compileFunction(scriptSource, executor.injectedModuleParameters, {
          filename,
          importModuleDynamically: (specifier, _function, importAttributes, ...rest) => executor.dynamicImport(specifier, filename, vmContext, importAttributes, rest[0]),
          parsingContext: vmContext,
          ...(usable ? { cachedData: cached.data } : { produceCachedData: true }),
        });
      } catch {
        return jestCompile(scriptSource, filename);
      }
      if (usable && compiled.cachedDataRejected) codeCache.delete(filename);
      if (!usable && compiled.cachedData) codeCache.set(filename, { source: scriptSource, data: compiled.cachedData });
      return compiled;
    };
  }
}

module.exports = CodeCachingRuntime;
module.exports.default = CodeCachingRuntime;
