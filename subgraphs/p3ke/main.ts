import './tracing';
import { runSubgraph } from '../../common/subgraph/run-subgraph';
import { loadP3keConfig } from './config';
import { createP3keRepository } from './repository';
import { buildP3keApp } from './server';
import { openP3keStore } from './store';

runSubgraph({
  register: 'p3ke',
  loadConfig: () => loadP3keConfig(),
  openStore: (url, options) => openP3keStore(url, options),
  createRepository: createP3keRepository,
  buildApp: buildP3keApp,
});
