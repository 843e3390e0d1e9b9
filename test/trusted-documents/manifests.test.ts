import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentHash, loadTrustedDocuments, manifestJson, organisationSlug } from '../../gateway/trusted-documents/manifests';

describe('the registered operations the gateway reads at start', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'manifests-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("when an organisation is named as in its token or by its slug, then both find its folder's operations", () => {
    const body = '{ ruleSet { version } }';
    mkdirSync(path.join(dir, 'bpjs-kesehatan'));
    writeFileSync(path.join(dir, 'bpjs-kesehatan', 'app.json'), manifestJson([{ id: documentHash(body), name: 'RuleSet', type: 'query', body }]));
    const store = loadTrustedDocuments(dir);

    expect({
      slugs: [organisationSlug('BPJS Kesehatan'), organisationSlug('  Kemendes PDT (BLT-DD) '), organisationSlug('bpjs-kesehatan')],
      byName: store.find('BPJS Kesehatan', documentHash(body))?.name,
      bySlug: store.find('bpjs-kesehatan', documentHash(body))?.name,
      otherOrganisation: store.find('Kemendes PDT', documentHash(body)),
    }).toEqual({ slugs: ['bpjs-kesehatan', 'kemendes-pdt-blt-dd', 'bpjs-kesehatan'], byName: 'RuleSet', bySlug: 'RuleSet', otherOrganisation: undefined });
  });

  it('when a manifest edited by hand has an id that is not the SHA-256 of its body, then the gateway refuses to start, naming the file and operation', () => {
    mkdirSync(path.join(dir, 'bpjs-kesehatan'));
    writeFileSync(path.join(dir, 'bpjs-kesehatan', 'app.json'), manifestJson([{ id: documentHash('{ a }'), name: 'Edited', type: 'query', body: '{ ruleSet { version } }' }]));

    expect(() => loadTrustedDocuments(dir)).toThrow(`${path.join(dir, 'bpjs-kesehatan', 'app.json')}: operation Edited's id is not the SHA-256 of its body`);
  });

  it('when the operations folder is absent, then no operation is registered', () => {
    expect(loadTrustedDocuments(path.join(dir, 'none')).find('BPJS Kesehatan', documentHash('{ ruleSet { version } }'))).toBeUndefined();
  });
});
