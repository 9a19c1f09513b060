// Renders the web app's PNG icons from apps/web/public/icons/icon.svg with Debian's Chromium
// (playwright-core, already a dev dependency): 192 and 512 px, a maskable 512 px (the mark inside the
// 80 % safe zone on a full-bleed background) and the 180 px apple-touch-icon. Run: node scripts/render-icons.mjs
import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const dir = new URL("../apps/web/public/icons/", import.meta.url);
const svg = await readFile(new URL("icon.svg", dir), "utf8");
const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const targets = [
  { name: "icon-192.png", size: 192, maskable: false },
  { name: "icon-512.png", size: 512, maskable: false },
  { name: "icon-maskable-512.png", size: 512, maskable: true },
  { name: "apple-touch-icon.png", size: 180, maskable: true },
];
try {
  for (const { name, size, maskable } of targets) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(
      `<html><body style="margin:0;background:${maskable ? "#1677ff" : "transparent"};display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px">` +
        `<img src="${uri}" width="${inner}" height="${inner}"></body></html>`,
    );
    await page.screenshot({ path: new URL(name, dir).pathname, omitBackground: !maskable });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`rendered ${targets.map((t) => t.name).join(", ")}`);
