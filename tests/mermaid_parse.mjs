// Parse mermaid diagrams with the real mermaid parser (node, no browser).
// stdin: a JSON list of diagram sources; stdout: a JSON list, per diagram, of its
// diagram type or "error: <message>". Usage: node mermaid_parse.mjs NODE_MODULES < blocks.json
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.argv[2];
const load = (file) => import(pathToFileURL(path.join(modules, file)).href);
// mermaid sanitises labels with DOMPurify, which needs a DOM; parsing needs none of it
const purify = (await load('dompurify/dist/purify.es.mjs')).default;
purify.addHook = () => {};
purify.removeHook = () => {};
purify.removeAllHooks = () => {};
purify.sanitize = (text) => text;
const mermaid = (await load('mermaid/dist/mermaid.core.mjs')).default;
const blocks = JSON.parse(fs.readFileSync(0, 'utf8'));
const found = [];
for (const source of blocks) {
  try {
    const parsed = await mermaid.parse(source);
    found.push(parsed ? parsed.diagramType : 'unknown');
  } catch (error) {
    found.push('error: ' + String(error.message).split('\n')[0]);
  }
}
console.log(JSON.stringify(found));
