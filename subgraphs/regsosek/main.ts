import './tracing';
import { runSubgraph } from '../../common/subgraph/run-subgraph';
import { loadRegsosekConfig } from './config';
import { createRegsosekRepository } from './repository';
import { buildRegsosekApp } from './server';
import { openRegsosekStore } from './store';

runSubgraph({
  register: 'regsosek',
  loadConfig: () => loadRegsosekConfig(),
  openStore: (url, options) => openRegsosekStore(url, options),
  createRepository: createRegsosekRepository,
  buildApp: buildRegsosekApp,
});
