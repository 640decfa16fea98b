#!/usr/bin/env node
'use strict';
// Renders client/media/icon.svg to client/media/icon.png (128×128) with headless Debian Chromium,
// so the icon is drawn with the same Japanese font everywhere:  node test/editors/vscode/render-icon.js
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

async function main() {
  const svg = path.join(lib.REPO, 'client', 'media', 'icon.svg');
  const png = path.join(lib.REPO, 'client', 'media', 'icon.png');
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: lib.CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${fs.readFileSync(svg, 'utf8')}</body></html>`);
    await page.screenshot({ path: png, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  } finally {
    await browser.close();
  }
  process.stderr.write(`wrote ${path.relative(process.cwd(), png)} (${fs.statSync(png).size} bytes)\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
