/**
 * `npm run asyncapi`: writes the contract in AsyncAPI form to docs/asyncapi/ (issue 10 item 5):
 * asyncapi.yaml (built by src/contract/asyncapi.ts from schemas/ and the topic list), one sample
 * per message kind under samples/, index.html and the renderer it loads under vendor/ (copied
 * from the installed @asyncapi/react-component). Run it after changing a schema or a topic; the
 * unit tests fail while the committed files differ from what it writes.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asyncApiYaml, buildAsyncApiDocument, sampleFiles } from '../contract/asyncapi.js';
import { VENDOR_FILES, renderAsyncApiHtml } from '../contract/asyncapi-html.js';
import { defaultSchemasDir } from '../contract/schemas.js';

const outDir = join(dirname(defaultSchemasDir()), 'docs', 'asyncapi');
const component = dirname(createRequire(import.meta.url).resolve('@asyncapi/react-component/package.json'));
const componentVersion = (JSON.parse(readFileSync(join(component, 'package.json'), 'utf8')) as { version: string })
  .version;

const document = buildAsyncApiDocument();
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'asyncapi.yaml'), asyncApiYaml(document));

const samplesDir = join(outDir, 'samples');
rmSync(samplesDir, { recursive: true, force: true });
mkdirSync(samplesDir);
const samples = sampleFiles();
for (const [file, value] of samples) writeFileSync(join(samplesDir, file), `${JSON.stringify(value, null, 2)}\n`);

const vendorDir = join(outDir, 'vendor');
mkdirSync(vendorDir, { recursive: true });
copyFileSync(join(component, 'browser', 'standalone', 'index.js'), join(vendorDir, VENDOR_FILES.script));
copyFileSync(join(component, 'styles', 'default.min.css'), join(vendorDir, VENDOR_FILES.style));
writeFileSync(
  join(vendorDir, VENDOR_FILES.license),
  `@asyncapi/react-component ${componentVersion}\n\n${readFileSync(join(component, 'LICENSE'), 'utf8')}\n\n` +
    readFileSync(join(component, 'browser', 'standalone', 'index.js.LICENSE.txt'), 'utf8'),
);
writeFileSync(join(outDir, 'index.html'), renderAsyncApiHtml(document, componentVersion));

console.log(
  `Wrote ${outDir}: asyncapi.yaml, index.html, ${samples.size} samples, vendor/ (@asyncapi/react-component ${componentVersion}); ${readdirSync(vendorDir).length} vendor files.`,
);
