// Lets the test workers (worker threads of jest-light-runner) load the TypeScript test files and
// what they import, compiled by tsx as `npm start` compiles them: a worker thread takes no
// `--import` of its own, so tsx's loaders are registered here (jest.config.js `setupFiles`), for
// the test file's import and for the `require` of the CommonJS modules it compiles to.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
