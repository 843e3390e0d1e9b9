// main.ts's first import: the settings must hold before the modules they concern are loaded.
import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent.
 * By default it lets it grow up to fourfold: under load a request's objects outlive a few
 * scavenges (its subgraph calls take milliseconds) and are promoted, and while the bench's
 * resolution run went through it the gateway's heap, about 100 MB live after each full collection,
 * reached 380 MB (docs/performance.md, "Issue 18: the gateway"). At 30 % it stays within about 1.3
 * times the live set; the full collections that costs run incrementally, mostly off the main thread.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Node keeps the source map of every module that names one once maps are enabled, as tsx enables
 * them (`npm start`, the bench): about 18 MB of the gateway's heap, most of it the sources of
 * node_modules' maps (typeorm's). The built image (`node dist/gateway/main.js`) never enables them;
 * off here too, a stack names the JavaScript tsx compiled, as it names the built JavaScript there.
 */
process.setSourceMapsEnabled(false);
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
