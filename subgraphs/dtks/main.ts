import './tracing';
import { runSubgraph } from '../../common/subgraph/run-subgraph';
import { loadDtksConfig } from './config';
import { createDtksRepository } from './repository';
import { buildDtksApp } from './server';
import { openDtksStore } from './store';

runSubgraph({
  register: 'dtks',
  loadConfig: () => loadDtksConfig(),
  openStore: (url, options) => openDtksStore(url, options),
  createRepository: createDtksRepository,
  buildApp: buildDtksApp,
});
