import type { RunningSystem } from '../support/system';

/** The playground GraphiQL page the gateway serves to a browser. */
export function playgroundCases(system: () => RunningSystem): void {
  it('when a browser opens /graphql, then it gets a GraphiQL page that loads nothing from the internet and carries the examples', async () => {
    const response = await fetch(system().gatewayUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<title>DTSEN federation gateway</title>');
    expect(html).toContain('PoorestFamiliesInJakartaUtara');
    expect(html.match(/(?:src|href)=["']https?:\/\/[^"']*/g)).toBeNull();
  });
}
